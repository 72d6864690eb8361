/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume.c: the resume model: one table of fields per section, so freeing, copying and comparing follow the schema */

#define G_LOG_DOMAIN "jobkiosk-resume"

#include <stddef.h>

#include "resume/jk-resume-private.h"

#define LINE(type, member, key) { key, JK_RESUME_FIELD_LINE, offsetof (type, member) }
#define TEXT(type, member, key) { key, JK_RESUME_FIELD_TEXT, offsetof (type, member) }
#define DATE(type, member, key) { key, JK_RESUME_FIELD_DATE, offsetof (type, member) }
#define LIST(type, member, key) { key, JK_RESUME_FIELD_LIST, offsetof (type, member) }

/* The members of JSON Resume schema v1.0.0 the kiosk keeps, in its order.
 * basics.location.address is deliberately absent: no street address. */
const JkResumeField jk_resume_basics_fields[] = {
  LINE (JkResumeBasics, name, "name"),
  LINE (JkResumeBasics, label, "label"),
  LINE (JkResumeBasics, email, "email"),
  LINE (JkResumeBasics, phone, "phone"),
  LINE (JkResumeBasics, url, "url"),
  TEXT (JkResumeBasics, summary, "summary"),
  { NULL }
};

const JkResumeField jk_resume_location_fields[] = {
  LINE (JkResumeBasics, city, "city"),
  LINE (JkResumeBasics, region, "region"),
  LINE (JkResumeBasics, country_code, "countryCode"),
  { NULL }
};

static const JkResumeField work_fields[] = {
  LINE (JkResumeWork, name, "name"),
  LINE (JkResumeWork, position, "position"),
  LINE (JkResumeWork, location, "location"),
  LINE (JkResumeWork, url, "url"),
  DATE (JkResumeWork, start_date, "startDate"),
  DATE (JkResumeWork, end_date, "endDate"),
  TEXT (JkResumeWork, summary, "summary"),
  LIST (JkResumeWork, highlights, "highlights"),
  { NULL }
};

/* The schema gives volunteer work no location. */
static const JkResumeField volunteer_fields[] = {
  LINE (JkResumeWork, name, "organization"),
  LINE (JkResumeWork, position, "position"),
  LINE (JkResumeWork, url, "url"),
  DATE (JkResumeWork, start_date, "startDate"),
  DATE (JkResumeWork, end_date, "endDate"),
  TEXT (JkResumeWork, summary, "summary"),
  LIST (JkResumeWork, highlights, "highlights"),
  { NULL }
};

static const JkResumeField education_fields[] = {
  LINE (JkResumeEducation, institution, "institution"),
  LINE (JkResumeEducation, url, "url"),
  LINE (JkResumeEducation, area, "area"),
  LINE (JkResumeEducation, study_type, "studyType"),
  DATE (JkResumeEducation, start_date, "startDate"),
  DATE (JkResumeEducation, end_date, "endDate"),
  LINE (JkResumeEducation, score, "score"),
  LIST (JkResumeEducation, courses, "courses"),
  { NULL }
};

static const JkResumeField award_fields[] = {
  LINE (JkResumeAward, title, "title"),
  DATE (JkResumeAward, date, "date"),
  LINE (JkResumeAward, awarder, "awarder"),
  TEXT (JkResumeAward, summary, "summary"),
  { NULL }
};

static const JkResumeField certificate_fields[] = {
  LINE (JkResumeCertificate, name, "name"),
  DATE (JkResumeCertificate, date, "date"),
  LINE (JkResumeCertificate, url, "url"),
  LINE (JkResumeCertificate, issuer, "issuer"),
  { NULL }
};

static const JkResumeField skill_fields[] = {
  LINE (JkResumeSkill, name, "name"),
  LINE (JkResumeSkill, level, "level"),
  LIST (JkResumeSkill, keywords, "keywords"),
  { NULL }
};

static const JkResumeField interest_fields[] = {
  LINE (JkResumeSkill, name, "name"),
  LIST (JkResumeSkill, keywords, "keywords"),
  { NULL }
};

static const JkResumeField language_fields[] = {
  LINE (JkResumeLanguage, language, "language"),
  LINE (JkResumeLanguage, fluency, "fluency"),
  { NULL }
};

static const JkResumeField reference_fields[] = {
  LINE (JkResumeReference, name, "name"),
  TEXT (JkResumeReference, reference, "reference"),
  { NULL }
};

static void
fields_clear (const JkResumeField *fields,
              gpointer             entry)
{
  for (const JkResumeField *f = fields; f->key != NULL; f++)
    {
      if (f->kind == JK_RESUME_FIELD_LIST)
        g_clear_pointer (&JK_RESUME_FIELD_ARRAY (entry, f), g_ptr_array_unref);
      else
        g_clear_pointer (&JK_RESUME_FIELD_STRING (entry, f), g_free);
    }
}

#define ENTRY_FREE(func, fields) \
  static void func (gpointer entry) { fields_clear (fields, entry); g_free (entry); }

ENTRY_FREE (work_free, work_fields)
ENTRY_FREE (education_free, education_fields)
ENTRY_FREE (award_free, award_fields)
ENTRY_FREE (certificate_free, certificate_fields)
ENTRY_FREE (skill_free, skill_fields)
ENTRY_FREE (language_free, language_fields)
ENTRY_FREE (reference_free, reference_fields)

#define SECTION(key, member, type, fields, free_func) \
  { key, offsetof (JkResume, member), sizeof (type), fields, free_func }

const JkResumeSection jk_resume_sections[] = {
  SECTION ("work", work, JkResumeWork, work_fields, work_free),
  SECTION ("volunteer", volunteer, JkResumeWork, volunteer_fields, work_free),
  SECTION ("education", education, JkResumeEducation, education_fields, education_free),
  SECTION ("awards", awards, JkResumeAward, award_fields, award_free),
  SECTION ("certificates", certificates, JkResumeCertificate, certificate_fields, certificate_free),
  SECTION ("skills", skills, JkResumeSkill, skill_fields, skill_free),
  SECTION ("languages", languages, JkResumeLanguage, language_fields, language_free),
  SECTION ("interests", interests, JkResumeSkill, interest_fields, skill_free),
  SECTION ("references", references, JkResumeReference, reference_fields, reference_free),
  { NULL }
};

G_DEFINE_QUARK (jk-resume-error-quark, jk_resume_error)

JkResume *
jk_resume_new (void)
{
  JkResume *resume = g_new0 (JkResume, 1);

  for (const JkResumeSection *s = jk_resume_sections; s->key != NULL; s++)
    JK_RESUME_SECTION_ARRAY (resume, s) = g_ptr_array_new_with_free_func (s->free_entry);
  return resume;
}

void
jk_resume_free (JkResume *resume)
{
  if (resume == NULL)
    return;
  fields_clear (jk_resume_basics_fields, &resume->basics);
  fields_clear (jk_resume_location_fields, &resume->basics);
  for (const JkResumeSection *s = jk_resume_sections; s->key != NULL; s++)
    g_clear_pointer (&JK_RESUME_SECTION_ARRAY (resume, s), g_ptr_array_unref);
  g_free (resume);
}

static GPtrArray *
strings_copy (const GPtrArray *strings)
{
  GPtrArray *copy;

  if (strings == NULL)
    return NULL;
  copy = g_ptr_array_new_full (strings->len, g_free);
  for (guint i = 0; i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));
  return copy;
}

static void
fields_copy (const JkResumeField *fields,
             gpointer             to,
             gconstpointer        from)
{
  for (const JkResumeField *f = fields; f->key != NULL; f++)
    {
      if (f->kind == JK_RESUME_FIELD_LIST)
        JK_RESUME_FIELD_ARRAY (to, f) = strings_copy (JK_RESUME_FIELD_ARRAY (from, f));
      else
        JK_RESUME_FIELD_STRING (to, f) = g_strdup (JK_RESUME_FIELD_STRING (from, f));
    }
}

JkResume *
jk_resume_copy (const JkResume *resume)
{
  JkResume *copy = jk_resume_new ();

  fields_copy (jk_resume_basics_fields, &copy->basics, &resume->basics);
  fields_copy (jk_resume_location_fields, &copy->basics, &resume->basics);
  for (const JkResumeSection *s = jk_resume_sections; s->key != NULL; s++)
    {
      GPtrArray *from = JK_RESUME_SECTION_ARRAY (resume, s);
      GPtrArray *to = JK_RESUME_SECTION_ARRAY (copy, s);

      for (guint i = 0; from != NULL && i < from->len; i++)
        {
          gpointer entry = g_malloc0 (s->size);

          fields_copy (s->fields, entry, g_ptr_array_index (from, i));
          g_ptr_array_add (to, entry);
        }
    }
  return copy;
}

JkResumeWork *
jk_resume_work_copy (const JkResumeWork *work)
{
  JkResumeWork *copy = g_new0 (JkResumeWork, 1);

  fields_copy (work_fields, copy, work);
  return copy;
}

void
jk_resume_work_free (JkResumeWork *work)
{
  if (work != NULL)
    work_free (work);
}

JkResumeEducation *
jk_resume_education_copy (const JkResumeEducation *education)
{
  JkResumeEducation *copy = g_new0 (JkResumeEducation, 1);

  fields_copy (education_fields, copy, education);
  return copy;
}

void
jk_resume_education_free (JkResumeEducation *education)
{
  if (education != NULL)
    education_free (education);
}

static gboolean
strings_equal (const GPtrArray *a,
               const GPtrArray *b)
{
  guint a_len = a != NULL ? a->len : 0, b_len = b != NULL ? b->len : 0;

  if (a_len != b_len)
    return FALSE;
  for (guint i = 0; i < a_len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
fields_equal (const JkResumeField *fields,
              gconstpointer        a,
              gconstpointer        b)
{
  for (const JkResumeField *f = fields; f->key != NULL; f++)
    {
      if (f->kind == JK_RESUME_FIELD_LIST)
        {
          if (!strings_equal (JK_RESUME_FIELD_ARRAY (a, f), JK_RESUME_FIELD_ARRAY (b, f)))
            return FALSE;
        }
      else if (g_strcmp0 (JK_RESUME_FIELD_STRING (a, f), JK_RESUME_FIELD_STRING (b, f)) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
jk_resume_equal (const JkResume *a,
                 const JkResume *b)
{
  if (!fields_equal (jk_resume_basics_fields, &a->basics, &b->basics)
      || !fields_equal (jk_resume_location_fields, &a->basics, &b->basics))
    return FALSE;
  for (const JkResumeSection *s = jk_resume_sections; s->key != NULL; s++)
    {
      GPtrArray *x = JK_RESUME_SECTION_ARRAY (a, s), *y = JK_RESUME_SECTION_ARRAY (b, s);

      if (x->len != y->len)
        return FALSE;
      for (guint i = 0; i < x->len; i++)
        if (!fields_equal (s->fields, g_ptr_array_index (x, i), g_ptr_array_index (y, i)))
          return FALSE;
    }
  return TRUE;
}
