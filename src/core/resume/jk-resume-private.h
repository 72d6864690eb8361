/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-private.h: the field tables the model, the JSON and the copies share */
#pragma once

#include <jobkiosk/jk-resume.h>

G_BEGIN_DECLS

typedef enum {
  JK_RESUME_FIELD_LINE,  /* one line of text */
  JK_RESUME_FIELD_TEXT,  /* may hold line breaks */
  JK_RESUME_FIELD_DATE,
  JK_RESUME_FIELD_LIST,  /* GPtrArray of text */
} JkResumeFieldKind;

typedef struct {
  const char *key;       /* the JSON Resume member */
  JkResumeFieldKind kind;
  gsize offset;
} JkResumeField;

typedef struct {
  const char *key;       /* the JSON Resume member */
  gsize offset;          /* of its GPtrArray in JkResume */
  gsize size;            /* of one entry */
  const JkResumeField *fields; /* ends with a NULL key */
  GDestroyNotify free_entry;
} JkResumeSection;

extern const JkResumeField jk_resume_basics_fields[];
extern const JkResumeField jk_resume_location_fields[];
/* In the schema's order, ending with a NULL key. */
extern const JkResumeSection jk_resume_sections[];

#define JK_RESUME_FIELD_STRING(base, field) (*(char **) ((char *) (base) + (field)->offset))
#define JK_RESUME_FIELD_ARRAY(base, field) (*(GPtrArray **) ((char *) (base) + (field)->offset))
#define JK_RESUME_SECTION_ARRAY(resume, section) (*(GPtrArray **) ((char *) (resume) + (section)->offset))

G_END_DECLS
