# SPDX-License-Identifier: GPL-3.0-or-later
# jk_test_smtp_sink.py: an aiosmtpd handler for tests/lib/jk-test-smtp.c.
#
# python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c jk_test_smtp_sink.Sink FOLDER
#
# Each message N is written as FOLDER/N.rcpt (the envelope's recipients, one
# a line), FOLDER/N.body.txt (its text part), FOLDER/N.part-FILENAME (each
# attachment, decoded by Python's own MIME parser) and last FOLDER/N.eml
# (the message as received): a test waits for the .eml, then reads the rest.
# A recipient whose address starts with "refuse" is answered 550 for good,
# one starting with "later" 451, so tests can see both kinds of no.

import email
import email.policy
import os


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("jk_test_smtp_sink.Sink takes the folder to write to")
        return cls(args[0])

    def _write(self, name, data):
        tmp = os.path.join(self.folder, "." + name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.rename(tmp, os.path.join(self.folder, name))

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 No such mailbox here"
        if address.startswith("later"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        n = "%03d" % self.count
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self._write(n + ".rcpt", "".join(r + "\n" for r in envelope.rcpt_tos).encode())
        for part in message.walk():
            if part.is_multipart():
                continue
            filename = part.get_filename()
            if filename:
                self._write(n + ".part-" + os.path.basename(filename), part.get_payload(decode=True))
            elif part.get_content_type() == "text/plain":
                self._write(n + ".body.txt", part.get_content().encode())
        self._write(n + ".eml", envelope.original_content)
        return "250 Message accepted for delivery"
