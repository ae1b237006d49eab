using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NhiemVu.Web.Tests.Notifications;

/// <summary>One message as the server received it.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    public string Subject => Header("Subject");

    /// <summary>A header, with RFC 2047 encoded words decoded (MimeKit encodes Vietnamese subjects).</summary>
    public string Header(string name)
    {
        var raw = Data.Split("\r\n\r\n", 2)[0].Replace("\r\n ", " ").Replace("\r\n\t", " ").Split("\r\n")
            .FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";
        return MimeKit.Utils.Rfc2047.DecodeText(Encoding.ASCII.GetBytes(raw));
    }

    /// <summary>The decoded text body.</summary>
    public string Text
    {
        get
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Data));
            return MimeKit.MimeMessage.Load(stream).TextBody ?? "";
        }
    }
}

public enum SmtpMode
{
    /// <summary>Answers like a mail server and keeps every message.</summary>
    Accept,
    /// <summary>Accepts connections and never says a word (a dead server behind a live port).</summary>
    Hang,
}

/// <summary>
/// A tiny SMTP server on 127.0.0.1 (a free port) for tests: 220 greeting, EHLO/HELO, MAIL FROM,
/// RCPT TO, DATA ending with a lone dot (dot-stuffing undone), RSET, NOOP, QUIT. No TLS, no auth.
/// </summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _hung = [];

    public LoopbackSmtpServer()
    {
        _listener.Start();
        _ = AcceptLoop();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();
    public volatile SmtpMode Mode = SmtpMode.Accept;

    public List<ReceivedMail> To(string address) =>
        Messages.Where(m => m.To.Any(t => t.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Back to normal service: drops the connections left hanging.</summary>
    public void Recover()
    {
        Mode = SmtpMode.Accept;
        while (_hung.TryTake(out var c)) c.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch { return; }
            if (Mode == SmtpMode.Hang) { _hung.Add(client); continue; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, new UTF8Encoding(false));
            var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 loopback ESMTP test server");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-loopback greets you");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SMTPUTF8");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 loopback");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } d && d != ".")
                            data.Append(d.StartsWith("..") ? d[1..] : d).Append("\r\n");
                        Messages.Enqueue(new ReceivedMail(from ?? "", to.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (IOException) { /* client went away */ }
        catch (ObjectDisposedException) { }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line.Split(':', 2)[^1].Trim();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        while (_hung.TryTake(out var c)) c.Dispose();
    }
}
