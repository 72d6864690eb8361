/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bare-window.c: the floor for the start-up benchmark: a bare GTK 3
 * window with one label, shown until its first frame is drawn. */

#include <gtk/gtk.h>

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  gtk_main_quit ();
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *window;

  gtk_init (&argc, &argv);
  window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_container_add (GTK_CONTAINER (window), gtk_label_new ("Hello"));
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), NULL);
  gtk_widget_show_all (window);
  gtk_main ();
  return 0;
}
