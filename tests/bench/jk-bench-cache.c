/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-bench-cache.c: a big cache of postings for the window benchmarks */

#include <jobkiosk/jk-job.h>

#include "jk-bench-cache.h"
#include "jobs/jk-snapshot-private.h"
#include "store/jk-store-private.h"

static const char *const titles[] = {
  "Cashier", "Line Cook", "Warehouse Associate", "Forklift Operator", "Home Health Aide", "Medical Assistant",
  "Customer Service Representative", "Janitor", "Delivery Driver", "Security Officer", "Welder", "Bank Teller",
  "Barista", "Dishwasher", "Pharmacy Technician", "Truck Driver", "Maintenance Technician", "Housekeeper",
  "Childcare Worker", "Administrative Assistant", "Retail Sales Associate", "Stocker", "Electrician Helper",
  "Dental Assistant", "Certified Nursing Assistant", "Receptionist", "Data Entry Clerk", "Cook", "Server",
};
static const char *const words[] = {
  "team", "shift", "safety", "customers", "training", "weekly", "pay", "benefits", "lift", "clean", "orders",
  "friendly", "schedule", "nights", "weekends", "equipment", "patients", "inventory", "cash", "drive",
};

void
jk_bench_fill_cache (JkStore *store,
                     guint    n_jobs,
                     gint64   now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkSnapshot) snapshot = NULL;
  GRand *rand = g_rand_new_with_seed (45402);

  g_assert_true (jk_store_exec (store, "INSERT INTO sources (name, url) VALUES ('bench', 'bench.xml')", &error));
  snapshot = jk_snapshot_begin (store, 1, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_jobs; i++)
    {
      g_autoptr (JkJob) job = jk_job_new ();
      g_autoptr (GString) text = g_string_new (NULL);

      for (int w = 0; w < 60; w++)
        g_string_append_printf (text, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      job->external_id = g_strdup_printf ("B-%u", i);
      job->title = g_strdup (titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
      job->employer = g_strdup_printf ("Employer %u", g_rand_int_range (rand, 0, 2000));
      job->city = g_strdup_printf ("City %u", g_rand_int_range (rand, 0, 50));
      job->state = g_strdup ("OH");
      job->salary_min = g_rand_double_range (rand, 12, 25);
      job->salary_max = job->salary_min + 2;
      job->salary_period = JK_SALARY_PERIOD_HOUR;
      job->description = g_string_free (g_steal_pointer (&text), FALSE);
      job->posted = now - g_rand_int_range (rand, 0, 30 * 86400);
      g_assert_true (jk_snapshot_add (snapshot, job, &error));
    }
  g_assert_true (jk_snapshot_commit (snapshot, 0, NULL, &error));
  g_rand_free (rand);
}
