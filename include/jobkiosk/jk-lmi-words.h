/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-lmi.h>
#include <jobkiosk/jk-pay-chart.h>

G_BEGIN_DECLS

/* An occupation's figures in the words the occupation page and the
 * printed career sheet both use, in the current (or thread's) language. */

/* "Source: U.S. Bureau of Labor Statistics, OEWS, May 2024.", or that the
 * figures are the demo's own; NULL for an origin without a source. */
char        *jk_lmi_words_source      (const JkLmiOrigin     *origin);
/* The pay chart's rows for the metro, the state and the nation (those the
 * kiosk has), hourly or yearly; a top-coded figure as its top code with
 * the mark. The rows' area names point into occupation. Returns how many. */
guint        jk_lmi_words_chart_rows  (const JkLmiOccupation *occupation,
                                       gboolean               hourly,
                                       JkPayChartRow          rows[3]);
/* The pay chart's source line: its source and the areas it shows. */
char        *jk_lmi_words_pay_source  (const JkLmiOccupation *occupation);
/* "+12% more jobs from 2023 to 2033 in Ohio." and "About 1,240 openings a
 * year."; NULL for what is not known. */
char        *jk_lmi_words_change      (const JkLmiProjection *projection);
char        *jk_lmi_words_openings    (const JkLmiProjection *projection);
/* "Ohio: 4.1% in October 2026 (early figure)."; NULL without figures. */
char        *jk_lmi_words_unemployment (const JkLmiUnemployment *unemployment);
/* "CDL (Ohio BMV). Note." */
char        *jk_lmi_words_requirement (const JkLmiRequirement *requirement);
/* "3 jobs open near you now", "No jobs open near you right now". */
char        *jk_lmi_words_open_jobs   (gint64                 open_jobs);
/* O*NET's attribution line, or that the texts are the demo's. */
char        *jk_lmi_words_attribution (const JkLmiOccupation *occupation);

G_END_DECLS
