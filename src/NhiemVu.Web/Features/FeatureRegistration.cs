using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Features.Audit;
using NhiemVu.Domain.Calendar;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Assignments;
using NhiemVu.Web.Features.Calendar;
using NhiemVu.Web.Features.LockWindows;
using NhiemVu.Web.Features.Documents;
using NhiemVu.Web.Features.Notifications;
using NhiemVu.Web.Features.Reviews;
using NhiemVu.Web.Features.Units;

namespace NhiemVu.Web.Features;

/// <summary>Each feature slice registers its handlers and maps its API group here.</summary>
public static class FeatureRegistration
{
    private static int _registered;

    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<AuthService>();
        services.AddScoped<UserHandlers>();
        services.AddScoped<UnitHandlers>();
        services.AddScoped<AuditQueries>();

        // Time rules: the working calendar (a cached singleton, the app's IWorkingCalendar) and
        // the lock windows before briefing meetings.
        services.AddOptions<CalendarOptions>().BindConfiguration("Calendar");
        services.AddSingleton<CalendarService>();
        services.AddSingleton<IWorkingCalendar>(sp => sp.GetRequiredService<CalendarService>());
        services.AddHostedService(sp => sp.GetRequiredService<CalendarService>());
        services.AddScoped<CalendarHandlers>();
        services.AddOptions<LockWindowOptions>().BindConfiguration(LockWindowOptions.Section);
        services.AddScoped<LockWindowService>();
        services.AddScoped<MeetingHandlers>();

        // Documents → tasks → assignments.
        services.AddOptions<WorkflowOptions>().BindConfiguration("Workflow");
        services.AddScoped<WorkflowUser>();
        services.AddScoped<AssignmentHandlers>();
        services.AddScoped<DocumentHandlers>();
        services.AddSingleton<RecurrenceJob>();
        services.AddHostedService<RecurrenceWorker>();
        services.AddScoped<ProgrammeImport>();
        services.AddScoped<WorkQueue>();
        services.AddOptions<Files.FileOptions>().BindConfiguration("Files");
        services.AddSingleton<Files.IFileStorage>(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Files.FileOptions>>().Value;
            if (string.IsNullOrWhiteSpace(o.Directory)) return new Files.DatabaseFileStorage();
            var dir = Path.IsPathRooted(o.Directory) ? o.Directory : Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, o.Directory);
            return new Files.DirectoryFileStorage(dir);
        });
        services.AddScoped<Files.FileHandlers>();
        services.AddScoped<Reports.ReportQueries>();
        services.AddScoped<Reports.Dashboard>();
        services.AddScoped<Reports.RankingWeightsHandlers>();
        services.AddScoped<Portal.PortalQueries>();
        services.AddOptions<Reports.ReportOptions>().BindConfiguration("Reports");
        services.AddSingleton<Reports.ReportWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<Reports.ReportWarmup>());
        // Entry and review timeliness: recorded with each document and report, reported per specialist and unit.
        services.AddOptions<Timeliness.TimelinessOptions>().BindConfiguration(Timeliness.TimelinessOptions.Section);
        services.AddSingleton<Timeliness.TimelinessInterceptor>();
        services.AddSingleton<Reports.ReportIntervalInterceptor>();
        services.AddSingleton<Reports.SettledReportCache>();
        services.AddScoped<Timeliness.TimelinessQueries>();

        // Notifications: the centre, preferences, the morning digest and the e-mail outbox.
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddSingleton<NotificationInterceptor>();
        services.AddScoped<NotificationHandlers>();
        services.AddSingleton<DigestJob>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService<NotificationWorker>();
        if (Interlocked.Exchange(ref _registered, 1) == 1) return services;
        Demo.DemoHooks.Register(WorkflowDemo.SeedAsync);
        UnitHistory.Register(async (db, unitId) =>
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Assignments, a => a.LeadUnitId == unitId)
            || await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.AssignmentEvents, e => e.LeadUnitId == unitId)
            || await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.TaskCooperatingUnits, c => c.UnitId == unitId));
        return services;
    }

    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        AuthEndpoints.Map(app.MapGroup("/api/auth"));
        UserEndpoints.Map(api.MapGroup("/users"));
        UnitEndpoints.Map(api.MapGroup("/units"));
        AuditEndpoints.Map(api.MapGroup("/audit"));
        DocumentEndpoints.Map(api.MapGroup("/documents"));
        AssignmentEndpoints.Map(api.MapGroup("/assignments"));
        CalendarEndpoints.Map(api.MapGroup("/calendar"));
        MeetingEndpoints.Map(api.MapGroup("/meetings"));
        MeetingEndpoints.MapLockStatus(api.MapGroup("/lock-status"));
        Files.FileEndpoints.Map(api);
        Reports.ReportEndpoints.MapApi(api.MapGroup("/reports"));
        Reports.RankingWeightsHandlers.MapApi(api.MapGroup("/reports/ranking-weights"));
        Reports.ReportEndpoints.MapDownloads(app);
        Timeliness.TimelinessEndpoints.Map(api, app);
        Reports.Export.ListExports.MapDownloads(app);
        Reports.Export.ListExports.MapApi(api);
        Portal.PortalEndpoints.Map(app);
        app.MapGet("/documents/import/template.xlsx", () => DocumentEndpoints.TemplateFile())
            .RequireAuthorization(Infrastructure.Security.IdentitySetup.OfficePolicy).ExcludeFromDescription();
        NotificationEndpoints.Map(api.MapGroup("/notifications"));
    }
}
