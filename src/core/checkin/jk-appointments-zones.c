/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-appointments-zones.c: Windows time zone names (Exchange/Outlook calendars) to IANA zones */

#define G_LOG_DOMAIN "jk-appointments"

#include <jobkiosk/jk-appointments.h>
#include <string.h>

#include "checkin/jk-appointments-private.h"

/* Exchange and Outlook export TZID="Eastern Standard Time" with no
 * VTIMEZONE. The mapping is Unicode CLDR's common/supplemental/
 * windowsZones.xml, the territory "001" (default) row of each Windows
 * zone, for the Americas and the zones most often met elsewhere. Where
 * CLDR keeps an old IANA name (Asia/Calcutta, America/Indianapolis,
 * Europe/Kiev), the canonical name of the same zone is written, since
 * tzdata may ship the old one only as a legacy link. */
static const struct {
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "Dateline Standard Time", "Etc/GMT+12" },
  { "UTC-11", "Etc/GMT+11" },
  { "Aleutian Standard Time", "America/Adak" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "Marquesas Standard Time", "Pacific/Marquesas" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "UTC-09", "Etc/GMT+9" },
  { "Pacific Standard Time (Mexico)", "America/Tijuana" },
  { "UTC-08", "Etc/GMT+8" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "Mountain Standard Time (Mexico)", "America/Mazatlan" },
  { "Mountain Standard Time", "America/Denver" },
  { "Yukon Standard Time", "America/Whitehorse" },
  { "Central America Standard Time", "America/Guatemala" },
  { "Central Standard Time", "America/Chicago" },
  { "Easter Island Standard Time", "Pacific/Easter" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Canada Central Standard Time", "America/Regina" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "Eastern Standard Time (Mexico)", "America/Cancun" },
  { "Eastern Standard Time", "America/New_York" },
  { "Haiti Standard Time", "America/Port-au-Prince" },
  { "Cuba Standard Time", "America/Havana" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
  { "Turks And Caicos Standard Time", "America/Grand_Turk" },
  { "Paraguay Standard Time", "America/Asuncion" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "Venezuela Standard Time", "America/Caracas" },
  { "Central Brazilian Standard Time", "America/Cuiaba" },
  { "SA Western Standard Time", "America/La_Paz" },
  { "Pacific SA Standard Time", "America/Santiago" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "Tocantins Standard Time", "America/Araguaina" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "SA Eastern Standard Time", "America/Cayenne" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  { "Greenland Standard Time", "America/Nuuk" },
  { "Montevideo Standard Time", "America/Montevideo" },
  { "Magallanes Standard Time", "America/Punta_Arenas" },
  { "Saint Pierre Standard Time", "America/Miquelon" },
  { "Bahia Standard Time", "America/Bahia" },
  { "UTC-02", "Etc/GMT+2" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
  { "UTC", "Etc/UTC" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "Jordan Standard Time", "Asia/Amman" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "Middle East Standard Time", "Asia/Beirut" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "Syria Standard Time", "Asia/Damascus" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "FLE Standard Time", "Europe/Kyiv" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "Arabic Standard Time", "Asia/Baghdad" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Arab Standard Time", "Asia/Riyadh" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Afghanistan Standard Time", "Asia/Kabul" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "Myanmar Standard Time", "Asia/Yangon" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "China Standard Time", "Asia/Shanghai" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "West Pacific Standard Time", "Pacific/Port_Moresby" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  { "Fiji Standard Time", "Pacific/Fiji" },
  { "UTC+12", "Etc/GMT-12" },
  { "Samoa Standard Time", "Pacific/Apia" },
};

/* Older Outlook exports name the zone by its display name, "(UTC-05:00)
 * Eastern Time (US & Canada)" (Windows' own names for its zones, not in
 * CLDR); the offset prefix is dropped before these are compared. */
static const struct {
  const char *display;
  const char *iana;
} display_names[] = {
  { "Eastern Time (US & Canada)", "America/New_York" },
  { "Central Time (US & Canada)", "America/Chicago" },
  { "Mountain Time (US & Canada)", "America/Denver" },
  { "Pacific Time (US & Canada)", "America/Los_Angeles" },
  { "Arizona", "America/Phoenix" },
  { "Alaska", "America/Anchorage" },
  { "Hawaii", "Pacific/Honolulu" },
  { "Indiana (East)", "America/Indiana/Indianapolis" },
  { "Atlantic Time (Canada)", "America/Halifax" },
  { "Puerto Rico", "America/Puerto_Rico" },
  { "Guam, Port Moresby", "Pacific/Port_Moresby" },
};

const char *
jk_appointments_windows_zone (const char *windows_name)
{
  g_autofree char *name = NULL;
  const char *display;

  if (windows_name == NULL)
    return NULL;
  name = g_strstrip (g_strdup (windows_name));
  /* A quoted parameter value may reach here with its quotes. */
  if (name[0] == '"')
    {
      gsize length = strlen (name);

      memmove (name, name + 1, length);
      length--;
      if (length > 0 && name[length - 1] == '"')
        name[length - 1] = '\0';
    }
  for (gsize i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (name, windows_zones[i].windows) == 0)
      return windows_zones[i].iana;
  display = name;
  if ((g_str_has_prefix (name, "(UTC") || g_str_has_prefix (name, "(GMT")) && strchr (name, ')') != NULL)
    display = strchr (name, ')') + 1;
  while (*display == ' ')
    display++;
  for (gsize i = 0; i < G_N_ELEMENTS (display_names); i++)
    if (g_ascii_strcasecmp (display, display_names[i].display) == 0)
      return display_names[i].iana;
  return NULL;
}

/* For the tests: every IANA name of the table, NULL-terminated. */
const char *const *
jk_appointments_windows_zone_targets (void)
{
  static const char *targets[G_N_ELEMENTS (windows_zones) + G_N_ELEMENTS (display_names) + 1];

  if (targets[0] == NULL)
    {
      gsize n = 0;

      for (gsize i = 0; i < G_N_ELEMENTS (display_names); i++)
        targets[n++] = display_names[i].iana;
      for (gsize i = 0; i < G_N_ELEMENTS (windows_zones); i++)
        targets[n++] = windows_zones[i].iana;
    }
  return targets;
}
