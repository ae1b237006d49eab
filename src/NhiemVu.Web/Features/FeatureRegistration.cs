using NhiemVu.Web.Features.Accounts;
using NhiemVu.Web.Features.Audit;
using NhiemVu.Web.Features.Calendar;
using NhiemVu.Web.Features.LockWindows;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Features.Units;

namespace NhiemVu.Web.Features;

/// <summary>Each feature slice registers its handlers and maps its API group here.</summary>
public static class FeatureRegistration
{
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
        return services;
    }

    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        AuthEndpoints.Map(app.MapGroup("/api/auth"));
        UserEndpoints.Map(api.MapGroup("/users"));
        UnitEndpoints.Map(api.MapGroup("/units"));
        AuditEndpoints.Map(api.MapGroup("/audit"));
        CalendarEndpoints.Map(api.MapGroup("/calendar"));
        MeetingEndpoints.Map(api.MapGroup("/meetings"));
        MeetingEndpoints.MapLockStatus(api.MapGroup("/lock-status"));
    }
}
