/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-referrals.h: "Ask them to contact me": a referral to a partner, sent through the outbox */
#pragma once

#include <glib.h>

#include "jk-config.h"
#include "jk-store.h"

G_BEGIN_DECLS

/* A partner is a [partner NAME] group of the configuration:
 *
 *   [partner childcare-council]
 *   display-name = Franklin County Child Care Council   (shown; else the organization)
 *   organization = Child Care Council of Franklin County (as the directory names it)
 *   endpoint = https://referrals.example.org/api/referrals
 *   token-file = /etc/jobkiosk/secrets/childcare-council.token (optional)
 *
 * A service whose organization is a partner's (case aside) offers "Ask
 * them to contact me". The referral is queued in one transaction with its
 * count ("referral:CATEGORY" in usage) as an outbox entry of kind
 * "referral", sealed, and POSTed as JSON to the endpoint with an
 * Idempotency-Key header and the token as a bearer token:
 *
 *   {"reference": "R-7K3M", "partner": "childcare-council",
 *    "organization": "...", "service": "...", "category": "childcare",
 *    "first_name": "Maria", "phone": "+16145550123", "reason": "need",
 *    "language": "es", "center": "...", "kiosk": "...",
 *    "created": "2026-03-02T14:05:00Z"}
 *
 * reason is a key of JK_REFERRAL_REASONS. A 2xx delivers it; a 4xx other
 * than 408 and 429 gives it up; anything else tries again later, as every
 * outbox entry. Nothing of the person is kept beside the sealed entry,
 * which goes once delivered or given up: the referrals table holds the
 * reference, partner, service, category, reason and times. */

#define JK_REFERRALS_ERROR (jk_referrals_error_quark ())

typedef enum {
  JK_REFERRALS_ERROR_BAD_INPUT,   /* no first name, a phone that is not a US number, no reason */
  JK_REFERRALS_ERROR_NO_PARTNER,  /* the service's organization has no referral agreement */
  JK_REFERRALS_ERROR_NOT_FOUND,   /* no such service */
  JK_REFERRALS_ERROR_FAILED,
} JkReferralsError;

/* What a visitor may pick as the reason: key, words. */
#define JK_REFERRAL_REASONS \
  X (NEED, "need", N_("I need this service")) \
  X (QUESTION, "question", N_("I have a question")) \
  X (APPLY, "apply", N_("I want to sign up"))

#define JK_REFERRAL_KIND "referral"
/* The longest first name kept. */
#define JK_REFERRAL_MAX_NAME 40

typedef struct {
  char *name;          /* [partner NAME] */
  char *display_name;  /* what the visitor reads: display-name, else organization */
  char *organization;
  char *endpoint;
  char *token_file;    /* resolved; NULL: no Authorization header */
} JkPartner;

/* The service a referral is for, as the referral needs it. */
typedef struct {
  gint64 id;
  char *organization;
  char *name;
  char *category;      /* its first category key, or NULL */
} JkReferralService;

typedef enum {
  JK_REFERRAL_WAITING,     /* in the outbox */
  JK_REFERRAL_DELIVERED,   /* the partner took it */
  JK_REFERRAL_FAILED,      /* refused, or too old: given up */
} JkReferralState;

/* One referral as jobkioskctl referrals lists it: never a name or a phone. */
typedef struct {
  char *reference;
  char *partner;
  char *organization;
  char *service;
  char *category;      /* or NULL */
  char *reason;        /* a key of JK_REFERRAL_REASONS */
  JkReferralState state;
  guint attempts;      /* tries so far while waiting */
  char *last_error;    /* the last try's, while waiting */
  gint64 created;
  gint64 delivered;    /* 0 when not */
} JkReferral;

GQuark       jk_referrals_error_quark     (void);

/* The usable partners (an organization and an http(s) endpoint), in the
 * configuration's order: a GPtrArray of JkPartner. */
GPtrArray   *jk_referrals_partners        (const JkConfig *config);
/* The partner whose organization is organization (case aside), or NULL. */
JkPartner   *jk_referrals_find_partner    (const JkConfig *config,
                                           const char     *organization);
void         jk_partner_free              (JkPartner      *partner);

/* The words of a reason key, translated; NULL for no such key. */
const char  *jk_referrals_reason_name     (const char     *key);
gboolean     jk_referrals_is_reason       (const char     *key);

/* A reference a person can read aloud: "R-" and four of 2-9 and A-Z
 * without I and O (no 0/O or 1/I to mix up). */
char        *jk_referrals_make_reference  (void);

/* A US phone number as typed ("614 555 0123", "(614) 555-0123",
 * "+1 614-555-0123") to its ten digits; NULL when it is not one (area
 * code and exchange may not start with 0 or 1). */
char        *jk_referrals_phone_digits    (const char     *text);
/* Ten digits to "(614) 555-0123". */
char        *jk_referrals_phone_display   (const char     *digits);
/* Ten digits to "(xxx) xxx-xx23": the last two shown, for the slip. */
char        *jk_referrals_phone_masked    (const char     *digits);

/* The service by its id (quick: one row). NULL with NOT_FOUND. */
JkReferralService *jk_referrals_get_service (JkStore      *store,
                                             gint64        id,
                                             GError      **error);
void         jk_referral_service_free     (JkReferralService *service);

/* Queues the referral for service to partner, on a writer of its own (a
 * worker's call): the row, the sealed outbox entry and the count, all in
 * one transaction. first_name is trimmed (at most JK_REFERRAL_MAX_NAME
 * characters), phone is checked with jk_referrals_phone_digits, reason
 * must be a key, language "en" or "es". Returns the reference, or NULL
 * with BAD_INPUT or FAILED. *outbox_id, when not NULL, is the entry's id
 * (for jk_outbox_deliver at once). */
char        *jk_referrals_queue           (const JkConfig          *config,
                                           const char              *database_path,
                                           const JkPartner         *partner,
                                           const JkReferralService *service,
                                           const char              *first_name,
                                           const char              *phone,
                                           const char              *reason,
                                           const char              *language,
                                           gint64                   now,
                                           gint64                  *outbox_id,
                                           GError                 **error);

/* Every referral, oldest first (a GPtrArray of JkReferral), on a reader
 * of its own. */
GPtrArray   *jk_referrals_list            (const char     *database_path,
                                           GError        **error);
const char  *jk_referral_state_to_string  (JkReferralState state);
void         jk_referral_free             (JkReferral     *referral);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkPartner, jk_partner_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkReferralService, jk_referral_service_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkReferral, jk_referral_free)

G_END_DECLS
