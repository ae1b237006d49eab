namespace NhiemVu.Web.Features.Notifications;

/// <summary>Settings of notifications (appsettings "Notifications").</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Local hour (Asia/Ho_Chi_Minh) from which the morning digest goes out, on working days.</summary>
    public int DigestHour { get; set; } = 7;
    /// <summary>An open assignment without progress for this many days is flagged in the digest.</summary>
    public int StaleProgressDays { get; set; } = 7;
    /// <summary>How many of the oldest items a summary lists.</summary>
    public int DigestListLimit { get; set; } = 10;
    /// <summary>Run the digest scheduler and the e-mail sender in the background (tests call them directly).</summary>
    public bool RunInBackground { get; set; } = true;
    /// <summary>Seconds between two looks at the outbox and the digest clock.</summary>
    public int PollSeconds { get; set; } = 30;
    /// <summary>Public address of the site (e.g. https://nhiemvu.example.gov.vn) for links in e-mails; relative links without it.</summary>
    public string? BaseUrl { get; set; }
}

public enum SmtpSecurity { StartTls, None }

/// <summary>The SMTP server e-mails go through (appsettings "Smtp"). Without a host, e-mail stays in the outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity UseTls { get; set; } = SmtpSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "NhiemVu <no-reply@localhost>";
    /// <summary>Connect and read timeout of one attempt.</summary>
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>After this many failed attempts a message is given up (kept with its last error).</summary>
    public int MaxAttempts { get; set; } = 10;
}
