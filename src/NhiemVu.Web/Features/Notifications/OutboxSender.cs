using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using NhiemVu.Data;

namespace NhiemVu.Web.Features.Notifications;

/// <summary>
/// Sends the outbox through the SMTP server with MailKit. A message is claimed with one atomic
/// UPDATE … WHERE (not sent, due, not claimed by a live claim), so two instances never send the
/// same one; a failure records the error and the next attempt (back-off 1, 2, 4 … minutes, at
/// most an hour), and after <see cref="SmtpOptions.MaxAttempts"/> the message is given up.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SmtpOptions> smtp, ILogger<OutboxSender> log)
{
    private readonly Guid _instance = Guid.NewGuid();
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Sends every due message once; returns how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var o = smtp.Value;
        if (string.IsNullOrWhiteSpace(o.Host)) return 0;
        await _one.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow();
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.SentAtUtc == null && m.Attempts < o.MaxAttempts && m.NextAttemptAtUtc <= now
                            && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .OrderBy(m => m.NextAttemptAtUtc).Select(m => m.Id).Take(100).ToListAsync(ct);
            if (due.Count == 0) return 0;

            var sent = 0;
            SmtpClient? client = null;
            try
            {
                foreach (var id in due)
                {
                    now = clock.GetUtcNow();
                    var until = now.AddSeconds(Math.Max(60, o.TimeoutSeconds * 4));
                    var claimed = await db.OutboxMessages
                        .Where(m => m.Id == id && m.SentAtUtc == null && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, _instance).SetProperty(m => m.ClaimedUntilUtc, until), ct);
                    if (claimed == 0) continue; // another instance has it
                    var m = await db.OutboxMessages.AsNoTracking().FirstAsync(x => x.Id == id, ct);
                    try
                    {
                        client ??= await ConnectAsync(o, ct);
                        await client.SendAsync(ToMime(o, m), ct);
                        var at = clock.GetUtcNow();
                        await db.OutboxMessages.Where(x => x.Id == id && x.ClaimedBy == _instance)
                            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAtUtc, at).SetProperty(x => x.Attempts, x => x.Attempts + 1)
                                .SetProperty(x => x.LastError, (string?)null).SetProperty(x => x.ClaimedUntilUtc, (DateTimeOffset?)null), ct);
                        sent++;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        client?.Dispose();
                        client = null;
                        var attempts = m.Attempts + 1;
                        var next = clock.GetUtcNow().Add(Backoff(attempts));
                        var error = $"{ex.GetType().Name}: {ex.Message}";
                        if (error.Length > 1000) error = error[..1000];
                        log.LogWarning("E-mail {Id} to {To}: attempt {Attempt} failed ({Error}); next at {Next:u}", id, m.To, attempts, error, next);
                        await db.OutboxMessages.Where(x => x.Id == id && x.ClaimedBy == _instance)
                            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptAtUtc, next)
                                .SetProperty(x => x.LastError, error).SetProperty(x => x.ClaimedUntilUtc, (DateTimeOffset?)null), CancellationToken.None);
                        // The server is probably down: leave the rest for the next round.
                        break;
                    }
                }
            }
            finally
            {
                if (client is not null)
                {
                    try { await client.DisconnectAsync(true, CancellationToken.None); } catch { /* closing only */ }
                    client.Dispose();
                }
            }
            return sent;
        }
        finally
        {
            _one.Release();
        }
    }

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    private static async Task<SmtpClient> ConnectAsync(SmtpOptions o, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
            await client.ConnectAsync(o.Host, o.Port, o.UseTls == SmtpSecurity.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cts.Token);
            if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", cts.Token);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static MimeMessage ToMime(SmtpOptions o, OutboxMessage m)
    {
        var msg = new MimeMessage();
        msg.From.Add(MailboxAddress.Parse(o.From));
        msg.To.Add(MailboxAddress.Parse(m.To));
        msg.Subject = m.Subject;
        msg.MessageId = $"{m.Id:N}@nhiemvu";
        msg.Body = new TextPart("plain") { Text = m.Body };
        return msg;
    }
}
