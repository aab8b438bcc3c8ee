# An SMTP server for the benchmarks: aiosmtpd's SMTP protocol with a handler that accepts and discards every message
# (as aiosmtpd.handlers.Sink does) but counts them into a file, and keeps the first one (FILE.first.eml) to measure it.
# Usage: python3 bench/smtp_count.py PORT COUNT_FILE   (Debian's python3-aiosmtpd)
import asyncio, sys
from aiosmtpd.smtp import SMTP
port, out = int(sys.argv[1]), sys.argv[2]
class Count:
    n = 0
    async def handle_DATA(self, server, session, envelope):
        Count.n += 1
        if Count.n == 1:
            open(out + ".first.eml", "wb").write(envelope.original_content)
        with open(out, "w") as f:
            f.write(str(Count.n))
        return "250 OK"
async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(Count(), hostname="bench.local"), "127.0.0.1", port)
    open(out, "w").write("0")
    async with server:
        await server.serve_forever()
asyncio.run(main())
