using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.LockWindows;
using NhiemVu.Domain.Units;

namespace NhiemVu.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Field> Fields => Set<Field>();
    public DbSet<UserField> UserFields => Set<UserField>();
    public DbSet<DirectiveDocument> Documents => Set<DirectiveDocument>();
    public DbSet<DirectiveTask> Tasks => Set<DirectiveTask>();
    public DbSet<TaskCooperatingUnit> TaskCooperatingUnits => Set<TaskCooperatingUnit>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<AssignmentEvent> AssignmentEvents => Set<AssignmentEvent>();
    public DbSet<AssignmentReport> AssignmentReports => Set<AssignmentReport>();
    public DbSet<AssignmentRequest> AssignmentRequests => Set<AssignmentRequest>();
    public DbSet<AssignmentContribution> AssignmentContributions => Set<AssignmentContribution>();
    public DbSet<RecurrencePeriod> RecurrencePeriods => Set<RecurrencePeriod>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<FileBlob> FileBlobs => Set<FileBlob>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CalendarOverrideRow> CalendarOverrides => Set<CalendarOverrideRow>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<BriefingMeeting> BriefingMeetings => Set<BriefingMeeting>();
    public DbSet<LockExemption> LockExemptions => Set<LockExemption>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<DigestRecord> DigestRecords => Set<DigestRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DocumentEntryRecord> DocumentEntryRecords => Set<DocumentEntryRecord>();
    public DbSet<ReportTimelinessRecord> ReportTimelinessRecords => Set<ReportTimelinessRecord>();
    public DbSet<RankingWeightsRow> RankingWeights => Set<RankingWeightsRow>();
    public DbSet<AssignmentReportInterval> ReportIntervals => Set<AssignmentReportInterval>();
    public DbSet<KeptReportFigures> KeptReportFigures => Set<KeptReportFigures>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // Stored as UTC ticks-comparable values on both providers (see DateTimeOffsetConverter).
        c.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
