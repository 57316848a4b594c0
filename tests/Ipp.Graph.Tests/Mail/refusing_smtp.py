"""The handler of the mail tests' SMTP server (SmtpTestServer.cs): aiosmtpd's debugging handler, which prints every
message it receives on standard output, refusing for as long as a file of its folder holds the reply to refuse with:
`refuse-mail` every sender (MAIL FROM), `refuse-rcpt` every recipient (RCPT TO), `refuse-data` every message once
its data arrived (after DATA)."""

import os

from aiosmtpd.handlers import Debugging


class Refusing(Debugging):
    def __init__(self, folder):
        super().__init__()
        self.folder = folder

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("Refusing usage: FOLDER")
        return cls(args[0])

    def refusal(self, name):
        """The reply the file `name` holds (`451 4.3.0 Try again later`), or None without the file."""
        try:
            with open(os.path.join(self.folder, name), encoding="utf-8") as file:
                return file.read().strip() or None
        except FileNotFoundError:
            return None

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        refusal = self.refusal("refuse-mail")
        if refusal:
            return refusal
        # What aiosmtpd does without the hook.
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        refusal = self.refusal("refuse-rcpt")
        if refusal:
            return refusal
        # What aiosmtpd does without the hook.
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        refusal = self.refusal("refuse-data")
        if refusal:
            return refusal
        return await super().handle_DATA(server, session, envelope)
