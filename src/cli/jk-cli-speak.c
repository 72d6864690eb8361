/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-speak.c: jobkioskctl speak TEXT, the kiosk's voice for staff to test the headset */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-speaker-spd.h>
#include <jobkiosk/jk-speech.h>

#include "jk-cli.h"

/* The longest line speech takes (JK_SPEECH_MAX_CHARS) at the slowest rate
 * is about a minute and a half: past this, speech-dispatcher is stuck. */
#define SPEAK_TIMEOUT_MS (150 * 1000)

int
jk_cli_speak (JkCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *language = NULL;
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language, N_("Speak in this language: en or es (default: the kiosk's)"),
      N_("LANG") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkSpeakerSpd) speaker = NULL;
  g_autofree char *text = NULL;
  const char *lang;

  if (!jk_cli_begin ("speak", N_("TEXT"),
                     _("Say a line through the kiosk's voice (speech-dispatcher, with the configured\n"
                       "voice module, rate and volume) and wait until it was spoken."),
                     entries, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("jobkioskctl speak: give the text to say, in quotes (see --help)\n"));
  lang = language != NULL ? language : cli->config->language;
  if (g_strcmp0 (lang, "en") != 0 && g_strcmp0 (lang, "es") != 0)
    return jk_cli_usage (_("jobkioskctl speak: --lang must be en or es\n"));
  /* What the kiosk would hand over: valid, without control characters,
   * at most JK_SPEECH_MAX_CHARS. */
  text = jk_speech_clean_text (argv[1]);
  if (text[0] == '\0')
    return jk_cli_usage (_("jobkioskctl speak: the text is empty\n"));

  speaker = jk_speaker_spd_new (cli->config->speech_module);
  if (!jk_speaker_check (JK_SPEAKER (speaker), &error))
    {
      g_printerr (_("jobkioskctl speak: Speech is not available: %s.\n"), error->message);
      return JK_CLI_EXIT_FAILED;
    }
  jk_speaker_set_rate (JK_SPEAKER (speaker), cli->config->speech_rate);
  jk_speaker_set_volume (JK_SPEAKER (speaker), cli->config->speech_volume);
  jk_speaker_speak (JK_SPEAKER (speaker), JK_SPEAK_TEXT, text, lang, JK_SPEAK_INTERRUPT);
  if (!jk_speaker_spd_wait_idle (speaker, SPEAK_TIMEOUT_MS))
    {
      g_printerr (_("jobkioskctl speak: speech-dispatcher did not finish speaking within %d seconds.\n"),
                  SPEAK_TIMEOUT_MS / 1000);
      return JK_CLI_EXIT_FAILED;
    }
  if (jk_speaker_spd_get_handed (speaker, NULL) == 0)
    {
      g_printerr (_("jobkioskctl speak: Speech is not available: speech-dispatcher went away before speaking.\n"));
      return JK_CLI_EXIT_FAILED;
    }
  return JK_CLI_EXIT_OK;
}
