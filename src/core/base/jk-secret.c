/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-secret.c: the kiosk's secret, made once, read by whoever seals */

#define G_LOG_DOMAIN "jk-secret"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sodium.h>
#include <unistd.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-secret.h>

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
read_secret (const char *path,
             guint8      secret[JK_SECRET_SIZE],
             GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  if (length != JK_SECRET_SIZE)
    {
      sodium_memzero (contents, length);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The kiosk's secret %s is damaged (%zu bytes, not %d)"), path, length, JK_SECRET_SIZE);
      return FALSE;
    }
  memcpy (secret, contents, JK_SECRET_SIZE);
  sodium_memzero (contents, length);
  return TRUE;
}

/* Written whole to a file of its own, then linked into place: link()
 * refuses to replace, so of two processes making it at once one wins and
 * the other reads the winner's. */
static gboolean
make_secret (const char *path,
             GError    **error)
{
  guint8 secret[JK_SECRET_SIZE];
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  int fd;
  gboolean written;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot make the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  tmp = g_strdup_printf ("%s.new-%d", path, (int) getpid ());
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write the kiosk's secret %s: %s"), tmp, g_strerror (saved));
      return FALSE;
    }
  randombytes_buf (secret, sizeof secret);
  written = write (fd, secret, sizeof secret) == sizeof secret && fsync (fd) == 0;
  sodium_memzero (secret, sizeof secret);
  close (fd);
  if (!written || (link (tmp, path) != 0 && errno != EEXIST))
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write the kiosk's secret %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_unlink (tmp);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_secret_get_path (const JkConfig *config,
                    const char     *database_path)
{
  g_autofree char *dir = NULL;

  if (config != NULL && config->secret_file != NULL)
    return g_strdup (config->secret_file);
  dir = g_path_get_dirname (database_path);
  return g_build_filename (dir, "kiosk-secret", NULL);
}

gboolean
jk_secret_load (const JkConfig *config,
                const char     *database_path,
                guint8          secret[JK_SECRET_SIZE],
                GError        **error)
{
  g_autofree char *path = jk_secret_get_path (config, database_path);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("The cryptography library cannot start"));
      return FALSE;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !make_secret (path, error))
    return FALSE;
  return read_secret (path, secret, error);
}
