/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-mail.h>
#include <jobkiosk/jk-session.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "Email it to me" for every printout: the page a printout is emailed
 * from, rendering it (PDF and plain text) in the visitor's language, keeping
 * the message in the outbox and handing it to the relay at once, and
 * trying what waits once a minute. The address goes nowhere but the
 * outbox's sealed row. */
#define JK_TYPE_MAIL_FLOW (jk_mail_flow_get_type ())
G_DECLARE_FINAL_TYPE (JkMailFlow, jk_mail_flow, JK, MAIL_FLOW, GObject)

/* What the email page sends: made by jk_mail_flow_show. */
typedef struct _JkMailRequest JkMailRequest;

JkMailFlow     *jk_mail_flow_new             (const JkConfig       *config,
                                              const char           *database_path,
                                              JkClock              *clock,
                                              JkSession            *session);
/* Tries what waits in the outbox, now and once a minute. */
void            jk_mail_flow_start           (JkMailFlow           *self);
/* Whether [mail] names a relay: without one, "Email it to me" is hidden. */
gboolean        jk_mail_flow_is_enabled      (JkMailFlow           *self);
/* Shows the email page for `kind` made from `input` (copied now), opened
 * from page `from`. */
void            jk_mail_flow_show            (JkMailFlow           *self,
                                              JkPage               *from,
                                              const JkDocumentKind *kind,
                                              gconstpointer         input);
/* The email page takes what to send; NULL when nothing was asked. */
JkMailRequest  *jk_mail_flow_take_request    (JkMailFlow           *self);
/* The printout's title, untranslated (a msgid). */
const char     *jk_mail_request_get_title    (JkMailRequest        *request);
/* A worker's call: renders the printout in the visit's language, keeps the
 * message for `address` in the outbox and tries to hand it over now.
 * TRUE with *state HANDED_OVER, WAITING (kept) or GIVEN_UP (refused for
 * good); FALSE with error when it could not even be kept. */
gboolean        jk_mail_request_send         (JkMailRequest        *request,
                                              const char           *address,
                                              gint64                now,
                                              JkOutboxState        *state,
                                              GError              **error);
void            jk_mail_request_free         (JkMailRequest        *request);
/* The kiosk's clock, in unix seconds (the outbox's time). */
gint64          jk_mail_flow_now             (JkMailFlow           *self);
/* TRUE while a minute's retry runs (tests wait on it). */
gboolean        jk_mail_flow_is_retrying     (JkMailFlow           *self);
/* Tries what is due now, in a worker (the minute's timer does). */
void            jk_mail_flow_retry           (JkMailFlow           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkMailRequest, jk_mail_request_free)

G_END_DECLS
