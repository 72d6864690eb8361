/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-store.c: the one SQLite database: open, check, recover, migrate */

#define G_LOG_DOMAIN "jk-store"

#include "jk-build-config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "store/jk-store-private.h"

/* Virtual machine steps between looks at a cancellable: well under a
 * millisecond. */
#define PROGRESS_STEPS 1000

/* PRAGMA application_id of every Job Kiosk database from schema 9 on: the
 * four letters "JKDB". Older files are known by their first tables. */
#define JK_APPLICATION_ID 0x4a4b4442

/* How long a check that found the file whole counts for, when nothing has
 * touched the file since: disks decay without anyone writing. */
#define CHECK_VALID_SECONDS (24 * 60 * 60)

struct _JkStore
{
  sqlite3 *db;
  char *path;
  char *moved_aside;
  int schema_version;
  /* When the file was last found whole (Unix time): the stamp written when
   * this connection closes. 0 for a worker's connection, which writes none. */
  gint64 checked_at;
  gboolean checked;          /* this open ran the page-by-page check */
  GCancellable *cancellable; /* read by the progress handler, under the connection's mutex */
};

typedef enum {
  OPEN_OK,
  OPEN_DAMAGED,    /* a Job Kiosk database that is damaged: moved aside */
  OPEN_NOT_OURS,   /* not a Job Kiosk database, or too damaged to tell: left alone */
  OPEN_TOO_NEW,    /* from a newer Job Kiosk: left alone */
  OPEN_FAILED,
} OpenResult;

/* What the first bytes of a file say about it, before SQLite touches it. */
typedef enum {
  FILE_NEW,     /* missing or empty: a database may be made here */
  FILE_OURS,    /* an SQLite file with the kiosk's application id */
  FILE_SQLITE,  /* an SQLite file without one: a Job Kiosk database from before schema 9, or not ours */
  FILE_FOREIGN, /* not SQLite, or another program's SQLite file */
} FileKind;

/* Each step moves the schema from version i to i + 1, in one transaction.
 * Never edit a step that has shipped: add a new one. */
static const char *const migrations[] = {
  /* 1: the foundation */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE usage_counts ("
  "  day TEXT NOT NULL,"
  "  what TEXT NOT NULL,"
  "  count INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (day, what));"
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  detail TEXT);",

  /* 2: job feeds and the job cache. The full-text index covers what a
   * visitor searches by (title, employer, place, category and the start of
   * the description), not whole descriptions: that keeps ingest near the
   * plain-row rate and makes common words cheap to rank. */
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  url TEXT NOT NULL,"
  "  format TEXT NOT NULL DEFAULT 'auto',"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  last_attempt INTEGER,"
  "  last_checked INTEGER,"
  "  last_good_sync INTEGER,"
  "  last_good_count INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL DEFAULT 'new',"
  "  last_error TEXT,"
  "  failures INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE jobs ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  external_id TEXT NOT NULL,"
  "  content_hash INTEGER NOT NULL,"
  "  dedup_key TEXT NOT NULL,"
  "  duplicate INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  employer TEXT,"
  "  city TEXT,"
  "  state TEXT,"
  "  postal_code TEXT,"
  "  country TEXT,"
  "  latitude REAL,"
  "  longitude REAL,"
  "  salary_min REAL,"
  "  salary_max REAL,"
  "  salary_period TEXT,"
  "  salary_text TEXT,"
  "  employment_type TEXT,"
  "  soc_code TEXT,"
  "  category TEXT,"
  "  education TEXT,"
  "  description TEXT,"
  "  apply_url TEXT,"
  "  posted INTEGER,"
  "  expires INTEGER,"
  "  first_seen INTEGER NOT NULL,"
  "  last_seen INTEGER NOT NULL,"
  "  place TEXT GENERATED ALWAYS AS (ifnull (city, '') || ' ' || ifnull (state, '') || ' ' || ifnull (postal_code, '')) VIRTUAL,"
  "  excerpt TEXT GENERATED ALWAYS AS (ifnull (category, '') || ' ' || ifnull (soc_code, '') || ' ' || ifnull (substr (description, 1, 300), '')) VIRTUAL,"
  "  UNIQUE (source_id, external_id));"
  "CREATE INDEX jobs_dedup ON jobs (dedup_key);"
  "CREATE INDEX jobs_expires ON jobs (expires);"
  "CREATE INDEX jobs_posted ON jobs (posted);"
  "CREATE VIRTUAL TABLE jobs_fts USING fts5 ("
  "  title, employer, place, excerpt,"
  "  content = 'jobs', content_rowid = 'id',"
  "  tokenize = 'porter unicode61 remove_diacritics 2');"
  /* Column weights set once: ranking by the table's rank is about 4x
   * faster at p99 than passing weights to bm25() in every query. */
  "INSERT INTO jobs_fts (jobs_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 1.0)');",

  /* 3: places. ZIP centroids (Census ZCTA gazetteer), so postings without
   * coordinates get their ZIP's, and distances work. */
  "CREATE TABLE zip_centroids ("
  "  zip TEXT PRIMARY KEY,"
  "  latitude REAL NOT NULL,"
  "  longitude REAL NOT NULL);"
  "CREATE INDEX jobs_place ON jobs (latitude, longitude);",

  /* 4: printing. One row per print job: what kind, how many pages, what
   * became of it; never the document's text or the visitor's name. Pages
   * count against the day's and the visit's limits until a job fails. */
  "CREATE TABLE print_jobs ("
  "  id INTEGER PRIMARY KEY,"
  "  cups_job_id INTEGER,"
  "  printer TEXT,"
  "  kind TEXT NOT NULL,"
  "  pages INTEGER NOT NULL,"
  "  copies INTEGER NOT NULL DEFAULT 1,"
  "  day TEXT NOT NULL,"
  "  visit INTEGER,"
  "  submitted INTEGER NOT NULL,"
  "  finished INTEGER,"
  "  held INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL,"
  "  message TEXT,"
  "  spool_path TEXT);"
  "CREATE INDEX print_jobs_day ON print_jobs (day);",

  /* 5: counting a source's active postings without reading every row. */
  "CREATE INDEX jobs_active ON jobs (source_id, duplicate, expires);",

  /* 6: a hash of each posting's feed text, so a sync skips normalizing the
   * ones that did not change; the index lets it load a source's ids and
   * hashes without reading whole rows. */
  "ALTER TABLE jobs ADD COLUMN raw_hash INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX jobs_sync ON jobs (source_id, external_id, raw_hash);",

  /* 7: listings in the orders the kiosk shows them without words (newest,
   * best paid), read from an index instead of sorting every row; the
   * expressions are jk-search.c's LISTED_AT and HOURLY_PAY, which must stay
   * equal to them. Counting uses jobs_active, so expires and posted alone
   * need no index. */
  "DROP INDEX jobs_expires;"
  "DROP INDEX jobs_posted;"
  "CREATE INDEX jobs_newest ON jobs (duplicate, coalesce (posted, first_seen));"
  "CREATE INDEX jobs_best_paid ON jobs (duplicate, (coalesce (salary_max, salary_min) / CASE salary_period"
  " WHEN 'hour' THEN 1.0 WHEN 'day' THEN 8.0 WHEN 'week' THEN 40.0 WHEN 'month' THEN 173.33"
  " WHEN 'year' THEN 2080.0 END));",

  /* 8: distances are computed per posting, never looked up by position, so
   * an index on it only cost every sync a write per posting. */
  "DROP INDEX jobs_place;",

  /* 9: the file says it is the kiosk's (JK_APPLICATION_ID, "JKDB"), so that
   * only a Job Kiosk database is ever moved aside or migrated. */
  "PRAGMA application_id = 1246446658;",

  /* 10: a sync loads each cached posting's date posted with its id and
   * hash (the newest copy of an id stands); in jobs_sync it is read from
   * the index alone, not from every whole row. */
  "DROP INDEX jobs_sync;"
  "CREATE INDEX jobs_sync ON jobs (source_id, external_id, raw_hash, posted);",

  /* 11: one source's postings are never each other's copies. Rows hidden
   * the old way, behind another row of their own source, show again;
   * once, here, rather than by every sync looking at its source's hidden
   * rows again. The expression is jk-jobs.c's IS_DUPLICATE, and must stay
   * equal to it. */
  "UPDATE jobs SET duplicate = 0 WHERE duplicate = 1 AND NOT (jobs.dedup_key <> '' AND jobs.source_id <>"
  " (SELECT j2.source_id FROM jobs j2 WHERE j2.dedup_key = jobs.dedup_key ORDER BY j2.id LIMIT 1));",

  /* 12: whether the feed says a posting's work is remote, so a search can
   * show remote postings after the nearby ones. Postings cached before
   * are normalized again at their next sync (their raw hash forgotten),
   * which is when their feed's word for it is read. */
  "ALTER TABLE jobs ADD COLUMN remote INTEGER NOT NULL DEFAULT 0;"
  "UPDATE jobs SET raw_hash = 0;",

  /* 13: titles and employers alone, for the word a visitor is still
   * typing: its prefix ("cas"*) in the whole index is also every common
   * word it begins ("cash" in most descriptions), which FTS5 lists in full
   * at every keystroke; among titles the list is short. Written with
   * jobs_fts (jk-jobs.c), from the same columns. */
  "CREATE VIRTUAL TABLE jobs_title_fts USING fts5 ("
  "  title, employer,"
  "  content = 'jobs', content_rowid = 'id',"
  "  tokenize = 'porter unicode61 remove_diacritics 2');"
  "INSERT INTO jobs_title_fts (jobs_title_fts) VALUES ('rebuild');"
  "INSERT INTO jobs_title_fts (jobs_title_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0)');",

  /* 14: labor market information (src/core/lmi/). Every row belongs to a
   * release, one published file set (BLS OEWS May 2024, O*NET 29.1, the
   * center's hiring requirements…): a re-import of a release deletes its
   * rows and writes the new ones in one transaction. Occupations are keyed
   * by the 2018 SOC code with its hyphen ("29-1141"); O*NET's detailed
   * codes ("11-1011.03") are kept beside it. Areas use the 7-digit codes
   * of OEWS series ids: "0000000" the nation, the 2-digit state FIPS and
   * five zeros for a state ("3900000"), the CBSA code with leading zeros
   * for a metro ("0018140"); a county its 5-digit FIPS ("39049"). Money
   * is in dollars; a figure BLS did not give is NULL, with the reason in
   * `reasons` ("annual_p90=top_coded;…"). */
  "CREATE TABLE lmi_releases ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"        /* oews, laus, projections, onet, requirements */
  "  name TEXT NOT NULL,"        /* as published: "May 2024", "2023-2033", "29.1" */
  "  source TEXT NOT NULL,"      /* who published it, for the source line on every figure */
  "  demo INTEGER NOT NULL DEFAULT 0," /* figures made up for the demo: say so on screen */
  "  imported INTEGER NOT NULL,"
  "  files TEXT,"                /* what was read, for jobkioskctl */
  "  UNIQUE (kind, name));"
  "CREATE TABLE lmi_areas ("
  "  code TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  type TEXT NOT NULL,"        /* national, state, metro, county */
  "  state TEXT);"               /* 2-digit FIPS; NULL for the nation */
  "CREATE TABLE lmi_occupations ("
  "  soc TEXT PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  description TEXT,"
  "  job_zone INTEGER,"          /* O*NET 1 (little preparation) to 5 */
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE);"
  "CREATE TABLE lmi_titles ("   /* every name an occupation goes by */
  "  id INTEGER PRIMARY KEY,"
  "  soc TEXT NOT NULL,"
  "  onet_code TEXT,"
  "  title TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"        /* main, alternate, short, reported */
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE);"
  "CREATE INDEX lmi_titles_soc ON lmi_titles (soc);"
  "CREATE TABLE lmi_wages ("
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  area_code TEXT NOT NULL,"
  "  soc TEXT NOT NULL,"
  "  employment REAL, jobs_per_1000 REAL, location_quotient REAL,"
  "  hourly_mean REAL, annual_mean REAL,"
  "  hourly_p10 REAL, hourly_p25 REAL, hourly_median REAL, hourly_p75 REAL, hourly_p90 REAL,"
  "  annual_p10 REAL, annual_p25 REAL, annual_median REAL, annual_p75 REAL, annual_p90 REAL,"
  "  reasons TEXT,"
  "  PRIMARY KEY (release_id, area_code, soc));"
  "CREATE INDEX lmi_wages_soc ON lmi_wages (soc, area_code);"
  "CREATE TABLE lmi_unemployment ("
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  area_code TEXT NOT NULL,"
  "  year INTEGER NOT NULL,"
  "  period TEXT NOT NULL,"      /* M01-M12, M13 the annual average */
  "  rate REAL,"
  "  preliminary INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (release_id, area_code, year, period));"
  "CREATE TABLE lmi_projections ("
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  area_code TEXT NOT NULL,"
  "  soc TEXT NOT NULL,"
  "  base_year INTEGER, projected_year INTEGER,"
  "  base_employment REAL, projected_employment REAL, change REAL, percent_change REAL,"
  "  annual_openings REAL, median_wage REAL,"
  "  education TEXT, experience TEXT, training TEXT," /* BLS's own words: "High school diploma or equivalent" */
  "  PRIMARY KEY (release_id, area_code, soc));"
  "CREATE TABLE lmi_tasks ("
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  soc TEXT NOT NULL,"
  "  onet_code TEXT NOT NULL,"
  "  task TEXT NOT NULL,"
  "  core INTEGER NOT NULL DEFAULT 1," /* O*NET Task Type Core, not Supplemental */
  "  importance REAL);"
  "CREATE INDEX lmi_tasks_soc ON lmi_tasks (soc);"
  "CREATE TABLE lmi_skills ("
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  soc TEXT NOT NULL,"
  "  onet_code TEXT NOT NULL,"
  "  skill TEXT NOT NULL,"
  "  importance REAL);"
  "CREATE INDEX lmi_skills_soc ON lmi_skills (soc);"
  "CREATE TABLE lmi_education ("  /* O*NET Education, Training, and Experience: the share of workers at each level */
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  soc TEXT NOT NULL,"
  "  onet_code TEXT NOT NULL,"
  "  element TEXT NOT NULL,"     /* Required Level of Education, Related Work Experience, On-Site or In-Plant Training, On-the-Job Training */
  "  category INTEGER NOT NULL,"
  "  category_name TEXT,"        /* from Education, Training, and Experience Categories */
  "  percent REAL);"
  "CREATE INDEX lmi_education_soc ON lmi_education (soc);"
  "CREATE TABLE lmi_related ("
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  soc TEXT NOT NULL,"
  "  related_soc TEXT NOT NULL,"
  "  rank INTEGER);"
  "CREATE INDEX lmi_related_soc ON lmi_related (soc);"
  "CREATE TABLE lmi_requirements ("
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  soc TEXT NOT NULL,"
  "  requirement TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"        /* license, certificate, background check, drug test, driver's license */
  "  agency TEXT, link TEXT, note TEXT);"
  "CREATE INDEX lmi_requirements_soc ON lmi_requirements (soc);",

  /* 15: finding an occupation by the words a person types (jk-lmi-search.c).
   * lmi_search_titles is every name of every occupation once, main and
   * short titles in `main`, alternate and reported ones in `other`, so that
   * bm25 ranks a main title above an alternate one; lmi_search indexes it
   * without stemming (a typed word matches as a prefix, so "driver" finds
   * "Drivers") with prefix indexes for what is being typed. lmi_search_terms
   * holds each indexed word and the words it makes less one letter (key),
   * which find a misspelt word's neighbours with index lookups.
   * lmi_job_phrases are the titles that name one occupation alone, for
   * counting postings by title. jk_lmi_reindex writes all four, and the
   * importer calls it at the end of its transaction. jobs_soc counts the
   * postings of an occupation by the SOC code their feed gives. */
  "CREATE TABLE lmi_search_titles ("
  "  id INTEGER PRIMARY KEY,"
  "  soc TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  main TEXT,"
  "  other TEXT);"
  "CREATE VIRTUAL TABLE lmi_search USING fts5 ("
  "  main, other,"
  "  content = 'lmi_search_titles', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
  "INSERT INTO lmi_search (lmi_search, rank) VALUES ('rank', 'bm25(3.0, 1.0)');"
  "CREATE TABLE lmi_search_terms ("
  "  key TEXT NOT NULL,"
  "  term TEXT NOT NULL,"
  "  PRIMARY KEY (key, term)) WITHOUT ROWID;"
  "CREATE TABLE lmi_job_phrases ("
  "  soc TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  phrase TEXT NOT NULL);"
  "CREATE INDEX lmi_job_phrases_soc ON lmi_job_phrases (soc);"
  "CREATE INDEX jobs_soc ON jobs (soc_code, duplicate, expires) WHERE soc_code IS NOT NULL;"
  /* The occupation page and the lists read one occupation's projections,
   * and one area's unemployment, without reading every release's rows. */
  "CREATE INDEX lmi_projections_soc ON lmi_projections (soc, area_code);"
  "CREATE INDEX lmi_unemployment_area ON lmi_unemployment (area_code, release_id);",

  /* 16: saved resumes and the outbox.
   * saved_resumes (src/core/resume/jk-resume-vault.c): each row one resume,
   * sealed with a key only its code and PIN (and this kiosk's secret) give.
   * `lookup` is a keyed hash of the code, never the code; the row holds no
   * text of the resume outside `sealed`. Rows are copied as they are
   * between kiosks that share the secret.
   * outbox (src/core/mail/jk-outbox.c): what waits to be handed to a
   * relay or a partner, kept until it is handed over, then deleted;
   * its payload is sealed with the kiosk's secret, so an address waiting
   * in it is not readable in the file, and secure_delete wipes it after. */
  "CREATE TABLE saved_resumes ("
  "  lookup BLOB PRIMARY KEY,"      /* BLAKE2b (kiosk secret, code) */
  "  salt BLOB NOT NULL,"           /* Argon2id's, per row */
  "  opslimit INTEGER NOT NULL,"    /* Argon2id's cost when saved, so a tuning keeps old rows readable */
  "  memlimit INTEGER NOT NULL,"
  "  nonce BLOB NOT NULL,"
  "  sealed BLOB NOT NULL,"         /* XChaCha20-Poly1305 of the JSON Resume */
  "  saved INTEGER NOT NULL,"       /* unix seconds */
  "  expires INTEGER NOT NULL,"
  "  failures INTEGER NOT NULL DEFAULT 0,"  /* wrong PINs in a row */
  "  locked_until INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
  "CREATE INDEX saved_resumes_expires ON saved_resumes (expires);"
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"           /* "mail"; later "referral", "check-in" */
  "  idempotency_key TEXT NOT NULL UNIQUE,"
  "  nonce BLOB NOT NULL,"
  "  sealed BLOB NOT NULL,"         /* the message, sealed with the kiosk's secret */
  "  created INTEGER NOT NULL,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt INTEGER NOT NULL,"
  "  last_error TEXT);",            /* in words, for staff; never holds the message */

  /* 17: check-in (src/core/checkin/). appointments holds only what a
   * check-in matches on and says: never an event's SUMMARY or DESCRIPTION,
   * never a last name or birth date (person is a keyed hash of both). One
   * row per occurrence: a recurring event's occurrences today each have
   * their own recurrence_id. arrivals is today's list for staff: a greeting
   * name ("Maria N.") at most, a walk-in's mobile number only until the
   * day is purged. */
  "CREATE TABLE appointments ("
  "  source TEXT NOT NULL,"          /* the calendar: a [checkin] calendar's URL or an imported file's name */
  "  uid TEXT NOT NULL,"
  "  recurrence_id TEXT NOT NULL DEFAULT '',"  /* '' for a single event; the occurrence's start (UTC) otherwise */
  "  sequence INTEGER NOT NULL DEFAULT 0,"
  "  day TEXT NOT NULL,"             /* the kiosk's local day of the start, YYYY-MM-DD */
  "  starts INTEGER NOT NULL,"       /* unix seconds */
  "  ends INTEGER NOT NULL,"
  "  code TEXT,"                     /* X-JOBKIOSK-CODE, normalized (upper case, no spaces or hyphens) */
  "  person BLOB,"                   /* BLAKE2b (kiosk secret, normalized last name + '|' + YYYY-MM-DD) */
  "  greeting TEXT,"                 /* first name and last initial: 'Maria N.' */
  "  service TEXT,"
  "  location TEXT,"
  "  staff TEXT,"                    /* the organizer's first name */
  "  cancelled INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (source, uid, recurrence_id)) WITHOUT ROWID;"
  "CREATE INDEX appointments_code ON appointments (code, day);"
  "CREATE INDEX appointments_person ON appointments (person, day);"
  "CREATE INDEX appointments_day ON appointments (day);"
  "CREATE TABLE arrivals ("
  "  id INTEGER PRIMARY KEY,"
  "  day TEXT NOT NULL,"
  "  arrived INTEGER NOT NULL,"      /* unix seconds */
  "  kind TEXT NOT NULL,"            /* appointment, walk-in */
  "  source TEXT, uid TEXT, recurrence_id TEXT,"  /* the appointment checked in for */
  "  greeting TEXT,"                 /* 'Maria N.', or a walk-in's first name if given */
  "  reason TEXT NOT NULL,"          /* the service, or a walk-in's reason key */
  "  queue_number INTEGER,"          /* walk-ins: today's number */
  "  phone TEXT,"                    /* walk-ins: a mobile number for a text when called; today only */
  "  state TEXT NOT NULL DEFAULT 'waiting'," /* waiting, called, served, no-show */
  "  UNIQUE (source, uid, recurrence_id));"
  "CREATE INDEX arrivals_day ON arrivals (day, arrived);"
  "CREATE TABLE calendar_state ("   /* a calendar's last good fetch, for conditional GETs */
  "  source TEXT PRIMARY KEY,"
  "  etag TEXT, last_modified TEXT,"
  "  fetched INTEGER, events INTEGER, last_error TEXT);",

  /* 18: staff mode and usage reports (src/core/staff/, src/core/usage/).
   * staff holds a name and an Argon2id hash of the PIN, never the PIN;
   * staff_lock counts wrong PINs kiosk-wide. usage_hours keeps counts by
   * day, hour and counter, with no identity: a counter is a key such as
   * "visits", "searches" or "walk-in:resume" (jk-usage.h). An arrival
   * remembers when staff called and served it, for the walk-in wait. */
  "ALTER TABLE arrivals ADD COLUMN called INTEGER;"   /* unix seconds */
  "ALTER TABLE arrivals ADD COLUMN served INTEGER;"
  "CREATE TABLE staff ("
  "  name TEXT PRIMARY KEY COLLATE NOCASE,"
  "  pin_hash TEXT NOT NULL,"         /* crypto_pwhash_str (Argon2id) */
  "  added INTEGER NOT NULL);"
  "CREATE TABLE staff_lock ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  failures INTEGER NOT NULL DEFAULT 0,"
  "  locked_until INTEGER NOT NULL DEFAULT 0);"  /* unix seconds */
  "CREATE TABLE usage_hours ("
  "  day TEXT NOT NULL,"               /* the kiosk's local day, YYYY-MM-DD */
  "  hour INTEGER NOT NULL,"           /* 0-23, local */
  "  what TEXT NOT NULL,"
  "  count INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (day, hour, what)) WITHOUT ROWID;"
  "CREATE INDEX audit_log_at ON audit_log (at);",

  /* 19: career exploration (src/core/interests/, src/core/training/).
   * lmi_interests is O*NET's Interests.txt (scale OI) per SOC: one row per
   * occupation with its six RIASEC scores (1-7), imported with the other
   * O*NET files. lmi_interest_activities keeps O*NET's illustrative
   * activities per area for the results' words. training_programs is the
   * state's Eligible Training Provider List as imported (one row per
   * program, costs in cents, NULL where the list says nothing);
   * training_cip_soc is the NCES/BLS CIP 2020 - SOC 2018 crosswalk. */
  "CREATE TABLE lmi_interests ("
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  soc TEXT NOT NULL,"
  "  realistic REAL, investigative REAL, artistic REAL, social REAL, enterprising REAL, conventional REAL,"
  "  PRIMARY KEY (release_id, soc));"
  "CREATE TABLE lmi_interest_activities ("
  "  release_id INTEGER NOT NULL REFERENCES lmi_releases (id) ON DELETE CASCADE,"
  "  area TEXT NOT NULL,"              /* realistic ... conventional */
  "  activity TEXT NOT NULL);"
  "CREATE TABLE training_imports ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"              /* etpl, crosswalk */
  "  source TEXT NOT NULL,"            /* the file's name, as imported */
  "  demo INTEGER NOT NULL DEFAULT 0,"
  "  imported INTEGER NOT NULL,"
  "  rows INTEGER NOT NULL);"
  "CREATE TABLE training_programs ("
  "  id INTEGER PRIMARY KEY,"
  "  provider TEXT NOT NULL,"
  "  program TEXT NOT NULL,"
  "  cip TEXT,"                        /* NN.NNNN */
  "  credential TEXT,"
  "  weeks REAL, hours REAL,"
  "  cost_cents INTEGER,"
  "  mode TEXT,"                       /* in person, online, hybrid, as the list says */
  "  schedule TEXT,"
  "  address TEXT, city TEXT, state TEXT, postal_code TEXT,"
  "  phone TEXT, url TEXT,"
  "  completion_rate REAL, employment_rate REAL, median_earnings REAL);"  /* rates 0-100 */
  "CREATE INDEX training_programs_cip ON training_programs (cip);"
  "CREATE TABLE training_cip_soc ("
  "  cip TEXT NOT NULL,"
  "  soc TEXT NOT NULL,"
  "  PRIMARY KEY (cip, soc)) WITHOUT ROWID;"
  "CREATE INDEX training_cip_soc_soc ON training_cip_soc (soc, cip);",

  /* 20: usage by day (src/core/usage/jk-usage.c), kept with usage_hours
   * by jk_usage_add, so a year's chart reads 365 rows a counter, not 8 760.
   * shown_hours is what the day's hours of 5 or more add up to: the total
   * less it is what the small hours hide. */
  "CREATE TABLE usage_days ("
  "  day TEXT NOT NULL,"
  "  what TEXT NOT NULL,"
  "  count INTEGER NOT NULL DEFAULT 0,"
  "  shown_hours INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (day, what)) WITHOUT ROWID;"
  "INSERT INTO usage_days (day, what, count, shown_hours) "
  "  SELECT day, what, sum (count), total (count) FILTER (WHERE count >= 5) FROM usage_hours GROUP BY day, what;",

  /* 21: partner services (src/core/services/), an Open Referral (HSDS)
   * directory as imported: its organizations, services, locations, phones,
   * schedules (HSDS 3.0's byday / opens_at / closes_at / valid_from /
   * valid_to; closed = 1 for a closure such as a holiday), taxonomy terms,
   * languages and eligibility. A re-import deletes and refills them all in
   * one transaction. category is one of the kiosk's nine keys (childcare,
   * transportation, food, housing, health, education, disability, legal,
   * money) or NULL; service_categories holds every key a service maps to.
   * latitude / longitude on services are its first located place's, kept
   * for ordering by distance without a join. services_fts indexes the
   * words visitors type in English and Spanish (rowid = services.id). */
  "CREATE TABLE services_imports ("
  "  id INTEGER PRIMARY KEY,"
  "  source TEXT NOT NULL,"            /* the file's or folder's name, as imported */
  "  format TEXT NOT NULL,"            /* hsds-3, hsds-2, plain */
  "  imported INTEGER NOT NULL,"       /* Unix time */
  "  services INTEGER NOT NULL);"
  "CREATE TABLE service_organizations ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT,"                        /* the directory's id */
  "  name TEXT NOT NULL,"
  "  description TEXT, url TEXT, email TEXT);"
  "CREATE TABLE services ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT,"
  "  organization_id INTEGER REFERENCES service_organizations (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  description TEXT, url TEXT, email TEXT,"
  "  fees TEXT, application_process TEXT,"
  "  hours_text TEXT,"                 /* hours in words, as a plain list gives them */
  "  category TEXT,"
  "  latitude REAL, longitude REAL);"
  "CREATE INDEX services_name ON services (name COLLATE NOCASE);"
  "CREATE TABLE service_locations ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT,"
  "  organization_id INTEGER REFERENCES service_organizations (id) ON DELETE CASCADE,"
  "  name TEXT,"
  "  address TEXT, city TEXT, state TEXT, postal_code TEXT,"
  "  latitude REAL, longitude REAL);"
  "CREATE TABLE service_at_location ("
  "  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,"
  "  location_id INTEGER NOT NULL REFERENCES service_locations (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (service_id, location_id)) WITHOUT ROWID;"
  "CREATE TABLE service_phones ("
  "  id INTEGER PRIMARY KEY,"
  "  organization_id INTEGER, service_id INTEGER, location_id INTEGER,"
  "  number TEXT NOT NULL,"
  "  extension TEXT, type TEXT, description TEXT);"
  "CREATE INDEX service_phones_service ON service_phones (service_id);"
  "CREATE INDEX service_phones_location ON service_phones (location_id);"
  "CREATE TABLE service_schedules ("
  "  id INTEGER PRIMARY KEY,"
  "  service_id INTEGER, location_id INTEGER,"
  "  byday TEXT,"                      /* MO,TU,...; NULL: every day */
  "  opens_at TEXT, closes_at TEXT,"   /* HH:MM local; closes before opens: past midnight */
  "  valid_from TEXT, valid_to TEXT,"  /* YYYY-MM-DD */
  "  closed INTEGER NOT NULL DEFAULT 0,"
  "  description TEXT);"
  "CREATE INDEX service_schedules_service ON service_schedules (service_id);"
  "CREATE INDEX service_schedules_location ON service_schedules (location_id);"
  "CREATE TABLE service_taxonomy_terms ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT, code TEXT, name TEXT, taxonomy TEXT);"
  "CREATE TABLE service_terms ("
  "  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,"
  "  term_id INTEGER NOT NULL REFERENCES service_taxonomy_terms (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (service_id, term_id)) WITHOUT ROWID;"
  "CREATE TABLE service_categories ("
  "  category TEXT NOT NULL,"
  "  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (category, service_id)) WITHOUT ROWID;"
  "CREATE INDEX service_categories_service ON service_categories (service_id);"
  "CREATE TABLE service_languages ("
  "  service_id INTEGER, location_id INTEGER,"
  "  language TEXT NOT NULL);"         /* as the directory names it: "Spanish", "es" */
  "CREATE INDEX service_languages_service ON service_languages (service_id);"
  "CREATE TABLE service_eligibility ("
  "  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,"
  "  description TEXT NOT NULL,"
  "  minimum_age REAL, maximum_age REAL);"
  "CREATE INDEX service_eligibility_service ON service_eligibility (service_id);"
  "CREATE VIRTUAL TABLE services_fts USING fts5 ("
  "  name, description, organization, categories,"
  "  tokenize = 'porter unicode61 remove_diacritics 2');"
  "INSERT INTO services_fts (services_fts, rank) VALUES ('rank', 'bm25(10.0, 2.0, 5.0, 3.0)');",

  /* 22: referrals to a partner ("Ask them to contact me",
   * src/core/services/jk-referrals.c). A row says what was asked of whom
   * and nothing of who asked: the first name and phone number are only in
   * the sealed outbox entry (kind 'referral', the same idempotency key),
   * deleted once handed over or given up. delivered is set when the
   * partner took it; an entry gone without it was given up. */
  "CREATE TABLE referrals ("
  "  id INTEGER PRIMARY KEY,"
  "  reference TEXT NOT NULL UNIQUE,"  /* what the visitor reads aloud: R-7K3M */
  "  idempotency_key TEXT NOT NULL UNIQUE,"
  "  partner TEXT NOT NULL,"           /* [partner NAME] */
  "  organization TEXT NOT NULL,"
  "  service TEXT NOT NULL,"
  "  category TEXT,"                   /* one of the nine keys, or NULL */
  "  reason TEXT NOT NULL,"            /* a key of JK_REFERRAL_REASONS */
  "  created INTEGER NOT NULL,"        /* Unix time */
  "  outbox_id INTEGER,"
  "  delivered INTEGER);"              /* Unix time the partner took it, or NULL */
};

G_DEFINE_QUARK (jk-store-error-quark, jk_store_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
is_damage_code (int code)
{
  code &= 0xff;
  return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

static OpenResult
check_integrity (sqlite3  *db,
                 char    **detail)
{
  sqlite3_stmt *stmt = NULL;
  OpenResult result = OPEN_OK;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      *detail = g_strdup (sqlite3_errmsg (db));
      return is_damage_code (rc) ? OPEN_DAMAGED : OPEN_FAILED;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0 && result == OPEN_OK)
        {
          result = OPEN_DAMAGED;
          *detail = g_strdup (line);
        }
    }
  if (rc != SQLITE_DONE && result == OPEN_OK)
    {
      *detail = g_strdup (sqlite3_errmsg (db));
      result = is_damage_code (rc) ? OPEN_DAMAGED : OPEN_FAILED;
    }
  sqlite3_finalize (stmt);
  return result;
}

/* jk_distance_miles(lat1, lon1, lat2, lon2): great-circle distance, NULL
 * when a coordinate is missing. */
static void
distance_miles_func (sqlite3_context *context,
                     int              argc,
                     sqlite3_value  **argv)
{
  double lat1, lon1, lat2, lon2, a;
  const double to_radians = G_PI / 180.0;

  for (int i = 0; i < 4; i++)
    if (sqlite3_value_type (argv[i]) == SQLITE_NULL)
      {
        sqlite3_result_null (context);
        return;
      }
  lat1 = sqlite3_value_double (argv[0]) * to_radians;
  lon1 = sqlite3_value_double (argv[1]) * to_radians;
  lat2 = sqlite3_value_double (argv[2]) * to_radians;
  lon2 = sqlite3_value_double (argv[3]) * to_radians;
  a = pow (sin ((lat2 - lat1) / 2), 2) + cos (lat1) * cos (lat2) * pow (sin ((lon2 - lon1) / 2), 2);
  sqlite3_result_double (context, 3958.8 * 2 * atan2 (sqrt (a), sqrt (1 - a)));
}

/* What every connection has, writer or reader. */
static void
configure_connection (sqlite3 *db)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_create_function (db, "jk_distance_miles", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                           distance_miles_func, NULL, NULL);
}

/* Reads the header (the first 100 bytes of an SQLite file) without opening
 * the file as a database, which could change it. */
static FileKind
inspect_file (const char  *path,
              guint32     *header_version,
              GError     **error)
{
  guchar header[100];
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gssize length = 0, got;
  guint32 application_id;

  *header_version = 0;
  if (fd < 0)
    {
      int saved = errno;
      if (saved == ENOENT)
        return FILE_NEW;
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN, _("Cannot read the database %s: %s"), path,
                   g_strerror (saved));
      return FILE_FOREIGN;
    }
  while (length < (gssize) sizeof header &&
         ((got = read (fd, header + length, sizeof header - (gsize) length)) > 0 || (got < 0 && errno == EINTR)))
    length += MAX (got, 0);
  close (fd);
  if (length == 0)
    return FILE_NEW;
  if (length < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return FILE_FOREIGN;
  *header_version = (guint32) header[60] << 24 | (guint32) header[61] << 16 | (guint32) header[62] << 8 | header[63];
  application_id = (guint32) header[68] << 24 | (guint32) header[69] << 16 | (guint32) header[70] << 8 | header[71];
  if (application_id == JK_APPLICATION_ID)
    return FILE_OURS;
  return application_id == 0 ? FILE_SQLITE : FILE_FOREIGN;
}

/* An SQLite file without the application id is the kiosk's when it has the
 * tables of schema 1, and may become the kiosk's when it has no tables at
 * all; anything else is another program's. */
static OpenResult
recognise_tables (sqlite3  *db,
                  char    **detail)
{
  sqlite3_stmt *stmt = NULL;
  OpenResult result = OPEN_NOT_OURS;
  int rc = sqlite3_prepare_v2 (db,
                               "SELECT count(*), sum(name IN ('meta', 'usage_counts', 'audit_log'))"
                               " FROM sqlite_master WHERE type = 'table'",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int tables = sqlite3_column_int (stmt, 0);
      int ours = sqlite3_column_int (stmt, 1);
      if (tables == 0 || ours == 3)
        result = OPEN_OK;
      else
        *detail = g_strdup (_("it is the database of another program"));
    }
  else
    *detail = g_strdup_printf (_("it is damaged (%s) and nothing shows that it was a Job Kiosk database"),
                               sqlite3_errstr (rc));
  sqlite3_finalize (stmt);
  return result;
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Opens the file as a database and decides what may be done with it, in
 * an order that writes nothing to a file that is not the kiosk's or is
 * from a newer kiosk: what it is, its schema, and only then the journal
 * mode (a write) and the check. */
static OpenResult
try_open (const char  *path,
          FileKind     kind,
          gboolean     check,
          sqlite3    **out_db,
          char       **detail)
{
  sqlite3 *db = NULL;
  OpenResult result = OPEN_OK;
  int version;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    {
      *detail = g_strdup (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return is_damage_code (rc) && kind == FILE_OURS ? OPEN_DAMAGED : OPEN_FAILED;
    }
  configure_connection (db);

  if (kind == FILE_SQLITE)
    result = recognise_tables (db, detail);
  if (result == OPEN_OK)
    {
      version = read_user_version (db);
      if (version > jk_store_get_latest_version ())
        result = OPEN_TOO_NEW;
    }
  if (result == OPEN_OK)
    {
      rc = sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;",
                         NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          *detail = g_strdup (sqlite3_errmsg (db));
          result = is_damage_code (rc) ? OPEN_DAMAGED : OPEN_FAILED;
        }
    }
  if (result == OPEN_OK && check)
    result = check_integrity (db, detail);

  if (result != OPEN_OK)
    {
      sqlite3_close (db);
      return result;
    }
  *out_db = db;
  return OPEN_OK;
}

static void
set_not_ours (GError     **error,
              const char  *path,
              const char  *why)
{
  g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_NOT_OURS,
               _("The file %s is not a Job Kiosk database (%s). It was left as it is: choose another file "
                 "for the database."),
               path, why);
}

/* version: the file's schema, or -1 when only SQLite knows it. */
static void
set_too_new (GError     **error,
             const char  *path,
             int          version)
{
  if (version >= 0)
    g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_TOO_NEW,
                 _("The database %s was written by a newer Job Kiosk (schema %d; this one knows %d). It was left "
                   "as it is: run the newer Job Kiosk, or choose another file for the database."),
                 path, version, jk_store_get_latest_version ());
  else
    g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_TOO_NEW,
                 _("The database %s was written by a newer Job Kiosk (this one knows schema %d). It was left "
                   "as it is: run the newer Job Kiosk, or choose another file for the database."),
                 path, jk_store_get_latest_version ());
}

/* A write-ahead log left beside the file means the last writer did not
 * close: that is when damage is possible. */
static gboolean
closed_cleanly (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) != 0 || st.st_size == 0;
}

/* The stamp beside the database (DB-checked): which file, at which size and
 * times, a connection that had found it whole left behind, and when it was
 * found whole. */
static char *
describe_file (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%ju %ju %jd %jd.%09ld %jd.%09ld", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino,
                          (intmax_t) st.st_size, (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (intmax_t) st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
}

static char *
stamp_path (const char *path)
{
  return g_strconcat (path, "-checked", NULL);
}

static void
forget_stamp (const char *path)
{
  g_autofree char *stamp = stamp_path (path);

  g_unlink (stamp);
}

static void
write_stamp (const char *path,
             gint64      checked_at)
{
  g_autofree char *stamp = stamp_path (path);
  g_autofree char *file = describe_file (path);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (file == NULL)
    return;
  text = g_strdup_printf ("%" G_GINT64_FORMAT " %s\n", checked_at, file);
  if (!g_file_set_contents (stamp, text, -1, &error))
    g_debug ("cannot note that %s was found whole: %s", path, error->message);
}

/* Whether the database needs no check (see jk_store_open); if so, when it
 * was last found whole. */
static gboolean
known_whole (const char *path,
             gint64     *checked_at)
{
  g_autofree char *stamp = stamp_path (path);
  g_autofree char *text = NULL;
  g_autofree char *file = NULL;
  char *rest = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 when;

  if (!closed_cleanly (path) || !g_file_get_contents (stamp, &text, NULL, NULL))
    return FALSE;
  g_strchomp (text);
  when = g_ascii_strtoll (text, &rest, 10);
  file = describe_file (path);
  if (rest == NULL || *rest != ' ' || file == NULL || !g_str_equal (rest + 1, file) || when > now ||
      now - when >= CHECK_VALID_SECONDS)
    return FALSE;
  *checked_at = when;
  return TRUE;
}

/* Keeps the damaged file (and its journal) for a person to look at, out of
 * the way, so the next start never meets it again. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);
  const char *const suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, target) != 0)
    {
      int saved = errno;
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN,
                   "The database %s is damaged and cannot be moved aside: %s",
                   path, g_strerror (saved));
      return NULL;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);
      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  forget_stamp (path);
  return g_steal_pointer (&target);
}

static gboolean
migrate (JkStore  *self,
         GError  **error)
{
  int version = read_user_version (self->db);
  int latest = jk_store_get_latest_version ();

  if (version < 0)
    {
      /* Not a schema of ours (or unreadable): never index the steps with it. */
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_MIGRATE,
                   "The database %s has an unknown schema version (%d)", self->path, version);
      return FALSE;
    }
  if (version > latest)
    {
      set_too_new (error, self->path, version);
      return FALSE;
    }

  for (int step = version; step < latest; step++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", step + 1);
      g_autoptr (GError) local_error = NULL;

      if (!jk_store_begin (self, &local_error) ||
          !jk_store_exec (self, migrations[step], &local_error) ||
          !jk_store_exec (self, bump, &local_error) ||
          !jk_store_commit (self, &local_error))
        {
          jk_store_rollback (self);
          g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_MIGRATE,
                       "Cannot update the database %s to schema %d: %s",
                       self->path, step + 1, local_error->message);
          return FALSE;
        }
      g_info ("database %s migrated to schema %d", self->path, step + 1);
    }
  self->schema_version = latest;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* The one rule for the window and every jobkioskctl command alike, so a
 * file gets the same verdict whoever meets it first: the page-by-page
 * check runs unless the file is known to be whole, that is unless the last
 * writer closed it cleanly, nothing changed it since a connection that had
 * found it whole closed it (the stamp), and that finding is less than a
 * day old. A crash, a hand edit, a copy over it or a day's wait all bring
 * the check back; a clean file costs a stat and a small read, so
 * `jobkioskctl status` stays quick on a big cache. Every command may move a
 * damaged Job Kiosk database aside (it is kept, renamed) and make a new
 * one, reading ones too: the window would, and status reports it. */
JkStore *
jk_store_open (const char  *path,
               GError     **error)
{
  g_autoptr (JkStore) self = g_new0 (JkStore, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *detail = NULL;
  gint64 checked_at = 0;
  guint32 header_version;
  gboolean check;
  OpenResult result;
  FileKind kind;

  self->path = g_strdup (path);
  if (g_mkdir_with_parents (dir, 0750) != 0)
    {
      int saved = errno;
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN,
                   "Cannot create the folder %s for the database: %s", dir, g_strerror (saved));
      return NULL;
    }

  kind = inspect_file (path, &header_version, error);
  if (error != NULL && *error != NULL)
    return NULL;
  if (kind == FILE_FOREIGN)
    {
      set_not_ours (error, path, _("it is not an SQLite database, or it belongs to another program"));
      return NULL;
    }
  /* Refused before SQLite opens it (which would make its index file); a
   * file without the id says which program it is only through SQLite. */
  if (kind == FILE_OURS && header_version > (guint32) jk_store_get_latest_version ())
    {
      set_too_new (error, path, (int) MIN (header_version, G_MAXINT));
      return NULL;
    }

  check = kind != FILE_NEW && !known_whole (path, &checked_at);
  result = try_open (path, kind, check, &self->db, &detail);
  if (result == OPEN_DAMAGED)
    {
      self->moved_aside = move_aside (path, error);
      if (self->moved_aside == NULL)
        return NULL;
      g_warning ("The database %s was damaged (%s); it was moved to %s and a new one was created",
                 path, detail, self->moved_aside);
      g_clear_pointer (&detail, g_free);
      check = FALSE;
      result = try_open (path, FILE_NEW, FALSE, &self->db, &detail);
    }
  switch (result)
    {
    case OPEN_OK:
      break;
    case OPEN_NOT_OURS:
      set_not_ours (error, path, detail);
      return NULL;
    case OPEN_TOO_NEW:
      set_too_new (error, path, -1);
      return NULL;
    case OPEN_DAMAGED:
    case OPEN_FAILED:
    default:
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN,
                   "Cannot open the database %s: %s. Check that the folder exists and the kiosk may write to it.",
                   path, detail);
      return NULL;
    }

  if (!migrate (self, error))
    return NULL;
  self->checked = check;
  /* A new file, or one just checked, is whole as of now. */
  self->checked_at = checked_at != 0 && !check ? checked_at : g_get_real_time () / G_USEC_PER_SEC;
  return g_steal_pointer (&self);
}

static JkStore *
open_worker (const char  *path,
             int          flags,
             GError     **error)
{
  g_autoptr (JkStore) self = g_new0 (JkStore, 1);
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      configure_connection (self->db);
      self->schema_version = read_user_version (self->db);
    }
  if (rc != SQLITE_OK || self->schema_version < 0)
    {
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN, "Cannot open the database %s: %s", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  if (self->schema_version != jk_store_get_latest_version ())
    {
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN,
                   "The database %s is at schema %d, not %d: open it for writing first", path,
                   self->schema_version, jk_store_get_latest_version ());
      return NULL;
    }
  return g_steal_pointer (&self);
}

JkStore *
jk_store_open_reader (const char  *path,
                      GError     **error)
{
  return open_worker (path, SQLITE_OPEN_READONLY, error);
}

JkStore *
jk_store_open_writer (const char  *path,
                      GError     **error)
{
  return open_worker (path, SQLITE_OPEN_READWRITE, error);
}

static int
progress_cb (void *user_data)
{
  JkStore *self = user_data;

  return self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable);
}

void
jk_store_set_cancellable (JkStore      *self,
                          GCancellable *cancellable)
{
  sqlite3_mutex *mutex = sqlite3_db_mutex (self->db);

  /* The handler runs inside a step, which holds this same mutex. */
  sqlite3_mutex_enter (mutex);
  g_set_object (&self->cancellable, cancellable);
  sqlite3_progress_handler (self->db, cancellable != NULL ? PROGRESS_STEPS : 0, progress_cb, self);
  sqlite3_mutex_leave (mutex);
}

void
jk_store_free (JkStore *self)
{
  if (self == NULL)
    return;
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  /* The last connection out leaves no log; SQLite's own writes since the
   * file was found whole keep it whole. */
  if (self->checked_at != 0 && closed_cleanly (self->path))
    write_stamp (self->path, self->checked_at);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->moved_aside);
  g_free (self);
}

sqlite3 *
jk_store_get_db (JkStore *self)
{
  return self->db;
}

const char *
jk_store_get_path (JkStore *self)
{
  return self->path;
}

int
jk_store_get_schema_version (JkStore *self)
{
  return self->schema_version;
}

const char *
jk_store_get_moved_aside (JkStore *self)
{
  return self->moved_aside;
}

gboolean
jk_store_was_checked (JkStore *self)
{
  return self->checked;
}

void
jk_store_set_error (JkStore    *self,
                    GError    **error,
                    const char *doing)
{
  g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_SQL, "%s: %s", doing, sqlite3_errmsg (self->db));
}

gboolean
jk_store_exec (JkStore    *self,
               const char *sql,
               GError    **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_SQL, "%s", message ? message : "unknown error");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
jk_store_prepare (JkStore    *self,
                  const char *sql,
                  GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      jk_store_set_error (self, error, "Cannot prepare a statement");
      return NULL;
    }
  return stmt;
}

gboolean
jk_store_begin (JkStore  *self,
                GError  **error)
{
  return jk_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
jk_store_commit (JkStore  *self,
                 GError  **error)
{
  return jk_store_exec (self, "COMMIT", error);
}

void
jk_store_rollback (JkStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}
