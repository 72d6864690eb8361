/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-page-registry.c: every page of the kiosk, in one list */

#define G_LOG_DOMAIN "jk-page-registry"

#include "jk-page-registry.h"

#include "careers/jk-careers-page.h"
#include "checkin/jk-checkin-page.h"
#include "careers/jk-occupation-page.h"
#include "interests/jk-interests-page.h"
#include "jobs/jk-job-page.h"
#include "jobs/jk-list-page.h"
#include "jobs/jk-log-form-page.h"
#include "jobs/jk-log-page.h"
#include "jobs/jk-search-page.h"
#include "mail/jk-mail-page.h"
#include "orientation/jk-orientation-page.h"
#include "print/jk-print-page.h"
#include "resume/jk-resume-page.h"
#include "services/jk-services-page.h"
#include "services/jk-referral-page.h"
#include "staff/jk-staff-page.h"
#include "training/jk-program-page.h"
#include "typing/jk-typing-page.h"
#include "jk-home-page.h"
#include "jk-info-page.h"

/* Adding a page: its .c/.h/.ui, and one line here. */
static const JkPageInfo *const pages[] = {
  &jk_home_page_info,
  &jk_search_page_info,
  &jk_job_page_info,
  &jk_list_page_info,
  &jk_log_page_info,
  &jk_log_form_page_info,
  &jk_print_page_info,
  &jk_mail_page_info,
  &jk_careers_page_info,
  &jk_occupation_page_info,
  &jk_program_page_info,
  &jk_services_page_info,
  &jk_interests_page_info,
  &jk_typing_page_info,
  &jk_orientation_page_info,
  &jk_resume_page_info,
  &jk_checkin_page_info,
  &jk_referral_page_info,
  &jk_staff_page_info,
  &jk_help_page_info,
  NULL,
};

const JkPageInfo *const *
jk_page_registry_get (void)
{
  return pages;
}
