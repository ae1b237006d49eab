using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NhiemVu.Data;

/// <summary>
/// All instants are stored as UTC. SQLite cannot order or compare DateTimeOffset text reliably,
/// PostgreSQL's timestamptz only accepts offset 0: storing a UTC <see cref="DateTime"/> suits both
/// (SQLite keeps ISO-8601 text that sorts correctly; PostgreSQL maps it to timestamptz).
/// </summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    v => v.UtcDateTime,
    v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
