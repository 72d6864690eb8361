/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-refresher.h>
#include <jobkiosk/jk-session.h>
#include <jobkiosk/jk-store.h>

G_BEGIN_DECLS

typedef struct _JkPage JkPage;
typedef struct _JkPrintFlow JkPrintFlow;
typedef struct _JkMailFlow JkMailFlow;

/* What the shell shows around a page. */
typedef enum {
  JK_PAGE_HOME          = 1 << 0, /* where a visit starts and Home leads */
  JK_PAGE_PRINTER_BADGE = 1 << 1, /* the printer's health in the bottom bar */
  JK_PAGE_NO_KEYBOARD   = 1 << 2, /* the on-screen keyboard never opens */
  JK_PAGE_AT_START      = 1 << 3, /* made at start-up, not when first shown: its create does start-up work */
} JkPageFlags;

/* What a page is made from. The main connection (store) is for the main
 * thread's few quick reads; a worker opens its own (HACKING.md). */
typedef struct {
  const JkConfig *config;
  JkStore *store;
  JkClock *clock;
  JkSession *session;
  JkRefresher *refresher;
  JkPrintFlow *print_flow;
  JkMailFlow *mail_flow;
} JkPageContext;

/* A page as the shell knows it: one of these per page, listed in
 * jk-page-registry.c. */
typedef struct _JkPageInfo JkPageInfo;
struct _JkPageInfo {
  const char *name;     /* the stack's child name, the target of win.show-page in .ui files */
  JkPageFlags flags;
  JkPage *(*create) (const JkPageInfo *info, const JkPageContext *context);
  gconstpointer data;   /* what create needs besides the context, or NULL */
};

G_END_DECLS
