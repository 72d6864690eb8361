/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-cups.c: runs Debian's cupsd on loopback with a private configuration and a PDF-to-folder queue */

#include "jk-test-proc.h"
#include "jk-test-cups.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#define SYSTEM_SERVERBIN    "/usr/lib/cups"
#define PRINTER_NAME        "kiosk-pdf"
#define BACKEND_NAME        "kioskpdf"
#define PDF_MODEL           "lsb/usr/cupsfilters/Generic-PDF_Printer-PDF.ppd"
#define START_TIMEOUT_US    (10 * G_USEC_PER_SEC)
#define STOP_TIMEOUT_US     (5 * G_USEC_PER_SEC)
#define JOB_KILL_TIMEOUT_US (2 * G_USEC_PER_SEC)
#define POLL_INTERVAL_US    (50 * 1000)
#define MAX_PORT_ATTEMPTS   5

struct _JkTestCups {
  GPid     pid;           /* the cupsd we spawned; 0 once stopped */
  guint16  port;
  char    *server;        /* "127.0.0.1:PORT"; kept after stop */
  char    *dir;           /* private dir; NULL once removed */
  char    *output_dir;
  char    *socket_path;
  char    *error_log;
  char    *stderr_log;
  char    *fault_file;
  char    *device_uri;    /* kioskpdf:OUTPUT_DIR */
  char   **command_env;   /* our environment with CUPS_SERVER set */
};

static const char *
cupsd_binary (void)
{
  return jk_test_server_program ("JK_TEST_CUPSD", "/usr/sbin/cupsd", "cups cups-filters");
}

static char *
server_logs (JkTestCups *self)
{
  g_autofree char *err = jk_test_read_text (self->stderr_log);
  g_autofree char *log = jk_test_read_text (self->error_log);

  return g_strdup_printf ("--- cupsd stderr ---\n%s--- %s ---\n%s", err, self->error_log, log);
}

/* Stops this server (so a failed start or command leaves neither cupsd nor
 * the private dir behind), then fails the test with the message. */
static void die (JkTestCups *self, const char *format, ...) G_GNUC_PRINTF (2, 3) G_GNUC_NORETURN;
static void
die (JkTestCups *self, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  jk_test_cups_stop (self);
  g_error ("%s", message);
}

static void
make_dir (const char *path, int mode)
{
  if (g_mkdir (path, mode) != 0 && errno != EEXIST)
    g_error ("jk-test-cups: mkdir %s: %s", path, g_strerror (errno));
  /* Explicitly: the umask must not decide what cupsd's User can reach. */
  if (g_chmod (path, mode) != 0)
    g_error ("jk-test-cups: chmod %s: %s", path, g_strerror (errno));
}

static void
write_file (const char *path, const char *text, int mode)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_strconcat (path, ".new", NULL);

  /* Temp name, chmod, rename: readers see the old or the new file, whole,
   * with the right mode whatever the umask. */
  if (!g_file_set_contents (tmp, text, -1, &error))
    g_error ("jk-test-cups: writing %s: %s", tmp, error->message);
  if (g_chmod (tmp, mode) != 0 || g_rename (tmp, path) != 0)
    g_error ("jk-test-cups: installing %s: %s", path, g_strerror (errno));
}

static void
make_symlink (const char *target, const char *link_path)
{
  if (symlink (target, link_path) != 0)
    g_error ("jk-test-cups: symlink %s -> %s: %s", link_path, target, g_strerror (errno));
}

/* cupsd.conf and cups-files.conf take the rest of the line as the value;
 * keep paths simple rather than quote them. */
static gboolean
path_is_safe_for_conf (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || *p == '#' || *p == '"' ||
        *p == '\\' || *p == '%' || *p == '<' || *p == '>')
      return FALSE;
  return TRUE;
}

/* As root, cupsd runs filters and our backend as lp, which must be able to
 * enter every folder above the private dir. */
static gboolean
others_can_traverse (const char *dir)
{
  g_autofree char *path = g_strdup (dir);

  for (;;)
    {
      GStatBuf st;
      char *slash;

      if (g_stat (path, &st) != 0 || (st.st_mode & S_IXOTH) == 0)
        return FALSE;
      slash = strrchr (path, '/');
      if (slash == NULL || slash == path)
        return TRUE;
      *slash = '\0';
    }
}

#define DIR_PREFIX "jk-test-cups-"
#define OWNER_FILE "owner.pid"

/* A test that aborts (failed assertion) skips stop(): its cupsd dies of
 * PR_SET_PDEATHSIG, but its private dir stays. Remove such dirs of ours
 * whose test process is gone. */
static void
remove_stale_dirs (const char *base)
{
  g_autoptr (GDir) dir = g_dir_open (base, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *owner_file = NULL;
      g_autofree char *owner = NULL;
      GStatBuf st;
      gint64 pid;

      if (!g_str_has_prefix (name, DIR_PREFIX))
        continue;
      path = g_build_filename (base, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISDIR (st.st_mode) || st.st_uid != geteuid ())
        continue;
      owner_file = g_build_filename (path, OWNER_FILE, NULL);
      if (!g_file_get_contents (owner_file, &owner, NULL, NULL))
        continue;
      pid = g_ascii_strtoll (owner, NULL, 10);
      if (pid > 0 && pid != (gint64) getpid () && kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        jk_test_remove_tree (path);
    }
}

static char *
make_private_dir (void)
{
  g_autofree char *base = g_strdup (g_get_tmp_dir ());
  char *dir;

  if (geteuid () == 0 && (!others_can_traverse (base) || !path_is_safe_for_conf (base)))
    {
      g_free (base);
      base = g_strdup ("/tmp");
    }
  remove_stale_dirs (base);
  /* g_mkdtemp_full fills in the template it is given and returns it. */
  dir = g_build_filename (base, DIR_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp_full (dir, 0700) == NULL)
    g_error ("jk-test-cups: cannot make a private dir in %s: %s", base, g_strerror (errno));
  {
    g_autofree char *owner_file = g_build_filename (dir, OWNER_FILE, NULL);
    g_autofree char *pid = g_strdup_printf ("%d\n", (int) getpid ());

    write_file (owner_file, pid, 0644);
  }
  /* 0700 from mkdtemp: cupsd's User (lp as root) must get in. */
  make_dir (dir, 0755);
  if (!path_is_safe_for_conf (dir))
    g_error ("jk-test-cups: path not usable in cupsd.conf: %s", dir);
  return dir;
}

/* Finds a CUPS tool: PATH, then the sbin/bin folders an ordinary user's PATH
 * often lacks (lpadmin and cupsenable live in /usr/sbin). */
static char *
find_program (const char *name)
{
  static const char *const dirs[] = { "/usr/sbin", "/usr/bin", "/sbin", "/bin" };
  char *found;

  if (strchr (name, '/') != NULL)
    return g_strdup (name);
  found = g_find_program_in_path (name);
  if (found != NULL)
    return found;
  for (gsize i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/* Runs argv to completion with the command environment. Returns TRUE when it
 * exited with status 0. */
static gboolean
run_sync (JkTestCups *self, const char *const *argv, char **out, char **err)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = NULL;
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  int wait_status = 0;
  gboolean ok;

  program = find_program (argv[0]);
  if (program == NULL)
    g_error ("jk-test-cups: %s not found (apt-get install cups cups-client)", argv[0]);
  g_ptr_array_add (args, program);
  for (gsize i = 1; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  /* stdin is /dev/null: an lp without a file argument cannot block. */
  ok = g_spawn_sync (NULL, (char **) args->pdata, self->command_env, G_SPAWN_DEFAULT,
                     NULL, NULL, &std_out, &std_err, &wait_status, &error);
  if (!ok)
    {
      std_err = g_strdup (error->message);
      g_clear_error (&error);
    }
  else
    {
      ok = g_spawn_check_wait_status (wait_status, &error);
      if (!ok)
        {
          g_autofree char *both = g_strdup_printf ("%s%s(%s)", std_err,
                                                   std_err[0] != '\0' ? "\n" : "",
                                                   error->message);
          g_free (std_err);
          std_err = g_steal_pointer (&both);
        }
    }

  if (out != NULL)
    *out = g_steal_pointer (&std_out);
  if (err != NULL)
    *err = g_steal_pointer (&std_err);
  return ok;
}

static char *
argv_to_string (const char *const *argv)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (gsize i = 0; argv[i] != NULL; i++)
    {
      g_autofree char *quoted = g_shell_quote (argv[i]);
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, quoted);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
jk_test_cups_run (JkTestCups *self, const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (argv != NULL && argv[0] != NULL, NULL);

  if (!run_sync (self, argv, &out, &err))
    {
      g_autofree char *cmd = argv_to_string (argv);
      g_autofree char *logs = server_logs (self);

      die (self, "jk-test-cups: `%s` failed (CUPS_SERVER=%s):\n%s\n%s", cmd, self->server, err, logs);
    }
  return g_steal_pointer (&out);
}

static gboolean
scheduler_answers (JkTestCups *self, const char *host)
{
  const char *argv[] = { "lpstat", "-h", host, "-r", NULL };
  g_autofree char *out = NULL;

  return run_sync (self, argv, &out, NULL) && strstr (out, "scheduler is running") != NULL &&
         strstr (out, "not running") == NULL;
}

static const char *
find_backend_source (void)
{
  static char *found;
  const char *env;
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *here = NULL;

  if (found != NULL)
    return found;

  env = g_getenv ("JK_TEST_CUPS_BACKEND");
  if (env != NULL && env[0] != '\0')
    g_ptr_array_add (candidates, g_strdup (env));
  env = g_getenv ("G_TEST_SRCDIR");
  if (env != NULL && env[0] != '\0')
    g_ptr_array_add (candidates, g_build_filename (env, "lib", "cups", BACKEND_NAME, NULL));
#ifdef JK_TEST_CUPS_SRCDIR
  g_ptr_array_add (candidates, g_build_filename (JK_TEST_CUPS_SRCDIR, "cups", BACKEND_NAME, NULL));
#endif
  /* Built by hand from the top of the tree: __FILE__ is tests/lib/jk-test-cups.c. */
  here = g_path_get_dirname (__FILE__);
  g_ptr_array_add (candidates, g_build_filename (here, "cups", BACKEND_NAME, NULL));

  for (guint i = 0; i < candidates->len; i++)
    if (g_file_test (g_ptr_array_index (candidates, i), G_FILE_TEST_IS_REGULAR))
      {
        found = g_canonicalize_filename (g_ptr_array_index (candidates, i), NULL);
        return found;
      }
  g_error ("jk-test-cups: backend script tests/lib/cups/" BACKEND_NAME " not found "
           "(set G_TEST_SRCDIR to the tests folder or JK_TEST_CUPS_BACKEND to the script)");
  return NULL;
}

/* DIR/bin: the system's filters, drivers, daemons (cups-driverd) etc. by
 * symlink, and a backend folder with the system backends plus ours. */
static void
make_server_bin (JkTestCups *self)
{
  static const char *const linked[] = { "filter", "driver", "daemon", "cgi-bin", "monitor", "notifier" };
  g_autofree char *bin = g_build_filename (self->dir, "bin", NULL);
  g_autofree char *backend_dir = g_build_filename (bin, "backend", NULL);
  g_autofree char *system_backends = g_build_filename (SYSTEM_SERVERBIN, "backend", NULL);
  g_autofree char *ours = g_build_filename (backend_dir, BACKEND_NAME, NULL);
  g_autofree char *script = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  make_dir (bin, 0755);
  for (gsize i = 0; i < G_N_ELEMENTS (linked); i++)
    {
      g_autofree char *target = g_build_filename (SYSTEM_SERVERBIN, linked[i], NULL);
      g_autofree char *link_path = g_build_filename (bin, linked[i], NULL);
      if (g_file_test (target, G_FILE_TEST_IS_DIR))
        make_symlink (target, link_path);
    }

  make_dir (backend_dir, 0755);
  dir = g_dir_open (system_backends, 0, &error);
  if (dir == NULL)
    g_error ("jk-test-cups: %s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *target = g_build_filename (system_backends, name, NULL);
      g_autofree char *link_path = g_build_filename (backend_dir, name, NULL);
      if (strcmp (name, BACKEND_NAME) != 0)
        make_symlink (target, link_path);
    }

  /* Ours is a copy owned by us, 0755: as root cupsd insists that ServerBin
   * programs belong to root and are not writable by others, and runs a
   * backend as root only when it is 0700; 0755 runs it as User (lp). */
  if (!g_file_get_contents (find_backend_source (), &script, NULL, &error))
    g_error ("jk-test-cups: %s", error->message);
  write_file (ours, script, 0755);
}

static void
write_config (JkTestCups *self)
{
  g_autoptr (GString) files = g_string_new (NULL);
  g_autoptr (GString) conf = g_string_new (NULL);
  g_autofree char *files_path = g_build_filename (self->dir, "cups-files.conf", NULL);
  g_autofree char *conf_path = g_build_filename (self->dir, "cupsd.conf", NULL);
  const char *d = self->dir;

  g_string_append_printf (files,
                          "# Written by tests/jk-test-cups.c for one test run.\n"
                          "ServerRoot %s\n"
                          "ServerBin %s/bin\n"
                          "StateDir %s/state\n"
                          "CacheDir %s/cache\n"
                          "RequestRoot %s/spool\n"
                          /* Under RequestRoot: cupsd creates it with the
                           * mode and group its filters need. */
                          "TempDir %s/spool/tmp\n"
                          "ServerKeychain %s/ssl\n"
                          "Printcap %s/printcap\n"
                          "AccessLog %s/log/access_log\n"
                          "ErrorLog %s/log/error_log\n"
                          "PageLog %s/log/page_log\n"
                          "FileDevice Yes\n",
                          d, d, d, d, d, d, d, d, d, d, d);
  if (geteuid () == 0)
    {
      /* "User root" is refused; filters and our backend run as lp. */
      g_string_append (files,
                       "User lp\n"
                       "Group lp\n"
                       "SystemGroup root\n");
    }
  else
    {
      struct passwd *pw = getpwuid (getuid ());
      struct group *gr = getgrgid (getgid ());

      if (pw == NULL || gr == NULL)
        g_error ("jk-test-cups: cannot find the name of uid %d / gid %d",
                 (int) getuid (), (int) getgid ());
      g_string_append_printf (files,
                              "User %s\n"
                              "Group %s\n"
                              "SystemGroup %s\n"
                              "Sandboxing Relaxed\n",
                              pw->pw_name, gr->gr_name, gr->gr_name);
    }

  g_string_append_printf (conf,
                          "# Written by tests/jk-test-cups.c for one test run.\n"
                          "LogLevel warn\n"
                          "MaxLogSize 0\n"
                          "Listen 127.0.0.1:%u\n"
                          "Listen %s\n"
                          "Browsing Off\n"
                          "BrowseLocalProtocols none\n"
                          "WebInterface No\n"
                          "DefaultAuthType None\n"
                          "DefaultEncryption Never\n"
                          "MaxJobs 100\n"
                          /* No document kept after printing, but job states
                           * are: tests read job-state after completion. */
                          "PreserveJobFiles No\n"
                          "PreserveJobHistory Yes\n"
                          "\n"
                          "<Location />\n"
                          "  Order allow,deny\n"
                          "  Allow 127.0.0.1\n"
                          "  Allow localhost\n"
                          "</Location>\n"
                          "\n"
                          /* Everything, admin operations included, without
                           * authentication: only loopback can connect. */
                          "<Policy default>\n"
                          "  JobPrivateAccess all\n"
                          "  JobPrivateValues none\n"
                          "  SubscriptionPrivateAccess all\n"
                          "  SubscriptionPrivateValues none\n"
                          "  <Limit All>\n"
                          "    AuthType None\n"
                          "    Order deny,allow\n"
                          "  </Limit>\n"
                          "</Policy>\n",
                          (guint) self->port, self->socket_path);

  write_file (files_path, files->str, 0644);
  write_file (conf_path, conf->str, 0644);
}

static void
check_config (JkTestCups *self)
{
  g_autofree char *conf_path = g_build_filename (self->dir, "cupsd.conf", NULL);
  g_autofree char *files_path = g_build_filename (self->dir, "cups-files.conf", NULL);
  const char *argv[] = { cupsd_binary (), "-t", "-c", conf_path, "-s", files_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!run_sync (self, argv, &out, &err))
    {
      g_autofree char *conf = jk_test_read_text (conf_path);
      g_autofree char *files = jk_test_read_text (files_path);

      die (self, "jk-test-cups: cupsd -t rejects the configuration:\n%s%s\n"
           "--- cupsd.conf ---\n%s--- cups-files.conf ---\n%s", out, err, conf, files);
    }
}

typedef enum {
  LAUNCH_OK,
  LAUNCH_PORT_TAKEN,
} LaunchResult;

static gboolean
log_says_port_taken (JkTestCups *self)
{
  g_autofree char *err = jk_test_read_text (self->stderr_log);
  g_autofree char *log = jk_test_read_text (self->error_log);

  return strstr (log, "Address already in use") != NULL ||
         strstr (err, "Address already in use") != NULL;
}

static char **
server_env (void)
{
  char **env = g_get_environ ();
  static const char *const unset[] = {
    "CUPS_SERVER", "CUPS_SERVERROOT", "CUPS_SERVERBIN", "CUPS_DATADIR", "CUPS_STATEDIR",
    "CUPS_CACHEDIR", "CUPS_ENCRYPTION", "CUPS_USER", "CUPS_DEBUG_LOG", "CUPS_DEBUG_LEVEL",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (unset); i++)
    env = g_environ_unsetenv (env, unset[i]);
  return env;
}

static LaunchResult
launch_once (JkTestCups *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *conf_path = g_build_filename (self->dir, "cupsd.conf", NULL);
  g_autofree char *files_path = g_build_filename (self->dir, "cups-files.conf", NULL);
  g_auto (GStrv) env = server_env ();
  const char *argv[] = { cupsd_binary (), "-f", "-c", conf_path, "-s", files_path, NULL };
  gint64 deadline;
  gboolean spawned;
  int log_fd;

  g_free (self->server);
  self->server = g_strdup_printf ("127.0.0.1:%u", (guint) self->port);
  g_strfreev (self->command_env);
  self->command_env = g_environ_setenv (server_env (), "CUPS_SERVER", self->server, TRUE);

  write_config (self);
  check_config (self);
  g_unlink (self->error_log);
  g_unlink (self->stderr_log);

  log_fd = g_open (self->stderr_log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0)
    g_error ("jk-test-cups: opening %s: %s", self->stderr_log, g_strerror (errno));
  spawned = g_spawn_async_with_fds (self->dir, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD,
                                    jk_test_child_setup, GINT_TO_POINTER ((int) getpid ()),
                                    &self->pid, -1, log_fd, log_fd, &error);
  close (log_fd);
  if (!spawned)
    g_error ("jk-test-cups: cannot run %s: %s", cupsd_binary (), error->message);
  setpgid (self->pid, self->pid);

  deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  for (;;)
    {
      int status;
      pid_t r = waitpid (self->pid, &status, WNOHANG);

      if (r == self->pid)
        {
          g_autofree char *logs = server_logs (self);

          self->pid = 0;
          if (log_says_port_taken (self))
            return LAUNCH_PORT_TAKEN;
          die (self, "jk-test-cups: cupsd exited at start-up (status %d):\n%s", status, logs);
        }
      /* The private socket is certainly ours. Once it answers, cupsd has
       * tried all its Listen lines: a clash on the port is in the log. */
      if (scheduler_answers (self, self->socket_path))
        {
          if (log_says_port_taken (self))
            {
              jk_test_kill_group_and_reap (self->pid);
              self->pid = 0;
              return LAUNCH_PORT_TAKEN;
            }
          if (scheduler_answers (self, self->server))
            return LAUNCH_OK;
        }
      if (g_get_monotonic_time () >= deadline)
        {
          g_autofree char *logs = server_logs (self);

          die (self, "jk-test-cups: cupsd did not start within 10 s on %s:\n%s", self->server, logs);
        }
      g_usleep (POLL_INTERVAL_US);
    }
}

static void
create_queue (JkTestCups *self)
{
  /* A model is required: a raw queue reports jobs completed and the
   * backend never sees them. abort-job: a job whose backend fails (exit 1)
   * ends aborted (8) and the queue stays up, instead of the default
   * stop-printer. */
  const char *lpadmin[] = {
    "lpadmin", "-h", self->server, "-p", PRINTER_NAME, "-E", "-v", self->device_uri,
    "-m", PDF_MODEL, "-o", "printer-error-policy=abort-job",
    "-o", "printer-is-shared=false",
    "-D", "Job Kiosk test PDF printer", NULL
  };
  const char *enable[] = { "cupsenable", "-h", self->server, PRINTER_NAME, NULL };
  const char *accept[] = { "cupsaccept", "-h", self->server, PRINTER_NAME, NULL };

  g_free (jk_test_cups_run (self, lpadmin));
  g_free (jk_test_cups_run (self, enable));
  g_free (jk_test_cups_run (self, accept));
}

JkTestCups *
jk_test_cups_start (void)
{
  static const struct { const char *name; int mode; } server_dirs[] = {
    { "state", 0755 }, { "cache", 0770 }, { "ssl", 0700 },
    { "spool", 0710 }, { "spool/tmp", 01770 },
  };
  JkTestCups *self;
  g_autofree char *log_dir = NULL;

  /* Fail before anything is made if cupsd or the backend script is missing. */
  cupsd_binary ();
  find_backend_source ();

  self = g_new0 (JkTestCups, 1);
  self->dir = make_private_dir ();
  self->output_dir = g_build_filename (self->dir, "output", NULL);
  self->socket_path = g_build_filename (self->dir, "cups.sock", NULL);
  self->fault_file = g_build_filename (self->dir, "fault", NULL);
  self->device_uri = g_strconcat (BACKEND_NAME ":", self->output_dir, NULL);
  log_dir = g_build_filename (self->dir, "log", NULL);
  self->error_log = g_build_filename (log_dir, "error_log", NULL);
  self->stderr_log = g_build_filename (log_dir, "cupsd.stderr", NULL);

  jk_test_stop_at_exit (self, (JkTestStopFunc) jk_test_cups_stop);

  make_dir (log_dir, 0755);
  /* cupsd wants these to exist and sets their final modes and groups. */
  for (gsize i = 0; i < G_N_ELEMENTS (server_dirs); i++)
    {
      g_autofree char *path = g_build_filename (self->dir, server_dirs[i].name, NULL);
      make_dir (path, server_dirs[i].mode);
    }
  /* The backend writes here as lp when we are root. */
  make_dir (self->output_dir, geteuid () == 0 ? 0777 : 0755);
  make_server_bin (self);
  jk_test_cups_set_fault (self, JK_TEST_CUPS_OK);

  for (int attempt = 0; ; attempt++)
    {
      self->port = jk_test_pick_free_port ();
      if (launch_once (self) == LAUNCH_OK)
        break;
      if (attempt + 1 >= MAX_PORT_ATTEMPTS)
        die (self, "jk-test-cups: no free port after %d attempts", MAX_PORT_ATTEMPTS);
    }

  create_queue (self);
  return self;
}

/* Skips "pid (comm) " in /proc/PID/stat and returns the state letter. */
static char
process_state (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = jk_test_read_text (path);
  const char *paren = strrchr (stat, ')');

  if (paren == NULL || paren[1] != ' ')
    return '\0';
  return paren[2];
}

static gboolean
process_gone (pid_t pid)
{
  if (kill (pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  /* A zombie whose new parent does not reap it (PID 1 in some containers). */
  return process_state (pid) == 'Z';
}

GArray *
jk_test_cups_list_job_processes (JkTestCups *self)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (pid_t));
  g_autofree char *needle = NULL;
  g_autoptr (GDir) proc = NULL;
  const char *name;
  gsize needle_len;

  g_return_val_if_fail (self != NULL, pids);

  /* cupsd gives every filter and the backend of a job DEVICE_URI; ours is
   * unique to this private dir. Match a whole environment entry. */
  needle = g_strconcat ("DEVICE_URI=", self->device_uri, NULL);
  needle_len = strlen (needle) + 1;   /* with the terminating NUL */
  proc = g_dir_open ("/proc", 0, NULL);
  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *environ_text = NULL;
      gsize len = 0;
      guint64 value;
      pid_t pid;

      if (!g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT, &value, NULL))
        continue;
      pid = (pid_t) value;
      if (pid == getpid ())
        continue;
      path = g_build_filename ("/proc", name, "environ", NULL);
      /* Other users' processes are unreadable unless we are root: skip. */
      if (!g_file_get_contents (path, &environ_text, &len, NULL))
        continue;
      for (gsize off = 0; off + needle_len <= len; )
        {
          const char *entry = environ_text + off;
          gsize entry_len = strnlen (entry, len - off);

          if (entry_len + 1 == needle_len && memcmp (entry, needle, needle_len) == 0)
            {
              g_array_append_val (pids, pid);
              break;
            }
          off += entry_len + 1;
        }
    }
  return pids;
}

static void
add_unique (GArray *pids, pid_t pid)
{
  for (guint i = 0; i < pids->len; i++)
    if (g_array_index (pids, pid_t, i) == pid)
      return;
  g_array_append_val (pids, pid);
}

/* Waits until none of pids exists any more (ESRCH, i.e. also reaped). */
static gboolean
wait_all_gone (GArray *pids, gint64 timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;

  for (;;)
    {
      gboolean all_gone = TRUE;

      for (guint i = 0; i < pids->len && all_gone; i++)
        all_gone = kill (g_array_index (pids, pid_t, i), 0) != 0 && errno == ESRCH;
      if (all_gone)
        return TRUE;
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
      g_usleep (10 * 1000);
    }
}

/* After cupsd has gone: its job processes (listed before, while their
 * environment was still readable, and now) must be gone too. cupsd sends
 * them SIGTERM as it exits but does not wait, so the kernel hands them to
 * PID 1, which reaps them a little later; a process that is still running
 * (only after the SIGKILL fallback) gets SIGTERM, then SIGKILL. */
static void
end_job_processes (JkTestCups *self, GArray *before)
{
  g_autoptr (GArray) pids = jk_test_cups_list_job_processes (self);

  for (guint i = 0; before != NULL && i < before->len; i++)
    add_unique (pids, g_array_index (before, pid_t, i));
  if (pids->len == 0)
    return;

  for (guint i = 0; i < pids->len; i++)
    if (!process_gone (g_array_index (pids, pid_t, i)))
      kill (g_array_index (pids, pid_t, i), SIGTERM);
  if (wait_all_gone (pids, JOB_KILL_TIMEOUT_US))
    return;
  for (guint i = 0; i < pids->len; i++)
    if (!process_gone (g_array_index (pids, pid_t, i)))
      {
        g_warning ("jk-test-cups: job process %d ignored SIGTERM: SIGKILL",
                   (int) g_array_index (pids, pid_t, i));
        kill (g_array_index (pids, pid_t, i), SIGKILL);
      }
  if (!wait_all_gone (pids, STOP_TIMEOUT_US))
    g_debug ("jk-test-cups: some job processes are dead but not reaped yet by PID 1");
}

void
jk_test_cups_stop (JkTestCups *self)
{
  g_autoptr (GArray) jobs = NULL;

  g_return_if_fail (self != NULL);

  if (self->dir != NULL)
    jobs = jk_test_cups_list_job_processes (self);

  if (self->pid > 0 && jobs != NULL && jobs->len > 0)
    {
      /* Jobs still running (a hanging backend): cancel them first, so that
       * cupsd ends and reaps their processes itself. On SIGTERM it only
       * signals them and exits, leaving zombies to PID 1, which may take
       * its time. Everything is thrown away anyway. */
      const char *cancel[] = { "cancel", "-a", "-h", self->server, NULL };

      if (run_sync (self, cancel, NULL, NULL))
        wait_all_gone (jobs, JOB_KILL_TIMEOUT_US);
    }

  if (self->pid > 0)
    {
      /* The cupsd we started, by its pid: it sends SIGTERM to running
       * filters and backends before it exits. */
      jk_test_terminate (self->pid, "cupsd");
      self->pid = 0;
    }

  if (self->dir != NULL)
    {
      end_job_processes (self, jobs);
      jk_test_remove_tree (self->dir);
      g_clear_pointer (&self->dir, g_free);
    }
}

const char *
jk_test_cups_get_server (JkTestCups *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->server;
}

guint16
jk_test_cups_get_port (JkTestCups *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->port;
}

const char *
jk_test_cups_get_printer (JkTestCups *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return PRINTER_NAME;
}

const char *
jk_test_cups_get_output_dir (JkTestCups *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->output_dir;
}

GPid
jk_test_cups_get_pid (JkTestCups *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pid;
}

static guint64
job_number (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (!g_str_has_prefix (base, "job-"))
    return G_MAXUINT64;
  return g_ascii_strtoull (base + strlen ("job-"), NULL, 10);
}

static int
compare_outputs (gconstpointer a, gconstpointer b)
{
  const char *pa = *(const char *const *) a;
  const char *pb = *(const char *const *) b;
  guint64 na = job_number (pa);
  guint64 nb = job_number (pb);

  if (na != nb)
    return na < nb ? -1 : 1;
  return strcmp (pa, pb);
}

static GPtrArray *
list_outputs (JkTestCups *self)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (self->output_dir, 0, NULL);
  const char *name;

  /* The backend writes ".job-ID.pdf.tmp" and renames it: only whole files
   * have a visible .pdf name. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (paths, g_build_filename (self->output_dir, name, NULL));
  g_ptr_array_sort (paths, compare_outputs);
  return paths;
}

GPtrArray *
jk_test_cups_wait_for_output (JkTestCups *self, guint n, guint timeout_ms)
{
  gint64 deadline;

  g_return_val_if_fail (self != NULL, NULL);

  deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  for (;;)
    {
      g_autoptr (GPtrArray) paths = list_outputs (self);

      if (paths->len >= n)
        return g_steal_pointer (&paths);
      if (g_get_monotonic_time () >= deadline)
        return NULL;
      g_usleep (20 * 1000);
    }
}

void
jk_test_cups_set_fault (JkTestCups *self, JkTestCupsFault fault)
{
  const char *word = "ok";

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->dir != NULL);

  switch (fault)
    {
    case JK_TEST_CUPS_OK:           word = "ok"; break;
    case JK_TEST_CUPS_OUT_OF_PAPER: word = "out-of-paper"; break;
    case JK_TEST_CUPS_FAIL_JOB:     word = "fail-job"; break;
    case JK_TEST_CUPS_CANCEL_JOB:   word = "cancel-job"; break;
    case JK_TEST_CUPS_HANG_OFFLINE: word = "hang-offline"; break;
    default:
      g_error ("jk-test-cups: unknown fault %d", (int) fault);
    }
  {
    g_autofree char *line = g_strconcat (word, "\n", NULL);
    /* 0644: the backend reads it as lp. */
    write_file (self->fault_file, line, 0644);
  }
}

void
jk_test_cups_make_default (JkTestCups *self)
{
  const char *argv[] = { "lpadmin", "-d", jk_test_cups_get_printer (self), NULL };

  g_free (jk_test_cups_run (self, argv));
}

JkTestCups *
jk_test_cups_start_default (void)
{
  JkTestCups *self = jk_test_cups_start ();

  g_setenv ("CUPS_SERVER", jk_test_cups_get_server (self), TRUE);
  jk_test_cups_make_default (self);
  return self;
}
