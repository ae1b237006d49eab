using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using NhiemVu.Data;

namespace NhiemVu.Bench;

/// <summary>The app's <see cref="AppDbContext"/> configured as src/NhiemVu.Web/Infrastructure/DatabaseSetup.cs does
/// (same provider, same migrations assembly); without the audit interceptor and the SQLite pragmas interceptor,
/// which the bulk load does not want.</summary>
public static class Db
{
    public static AppDbContext Create(string provider, string cs) => new(provider == "Sqlite"
        ? new DbContextOptionsBuilder<AppDbContext>().UseSqlite(cs, x => x.MigrationsAssembly("NhiemVu.Migrations.Sqlite")).Options
        : new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(cs, x => x.MigrationsAssembly("NhiemVu.Migrations.Postgres")).Options);
}

/// <summary>
/// Writes entities of one type to its table by the bulk path of the provider. The column list, column names,
/// store types and value converters all come from the app's EF model, so the rows are exactly what EF would
/// write (and stay so when the model changes). Shadow properties (the workflow's list/search columns) are
/// supplied by <see cref="Shadow"/>.
/// </summary>
public sealed class BulkTable<T> where T : class
{
    private readonly (string Column, IProperty Property, RelationalTypeMapping Mapping, string StoreType)[] _cols;
    private readonly Func<object, object?>?[] _getters;

    public BulkTable(IModel model, Func<T, IProperty, object?>? shadow = null)
    {
        var et = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = et.GetTableMappings().Single();
        Name = table.Table.Name;
        _cols = table.ColumnMappings
            .Select(c => (c.Column.Name, c.Property, (RelationalTypeMapping)c.TypeMapping, c.Column.StoreType)).ToArray();
        _getters = _cols.Select(c => c.Property.IsShadowProperty()
            ? null
            : (Func<object, object?>)c.Property.GetGetter().GetClrValue).ToArray();
        foreach (var c in _cols.Where(c => c.Property.IsShadowProperty()))
            if (shadow is null) throw new InvalidOperationException($"{Name}.{c.Column} is a shadow property: supply its value");
        Shadow = shadow;
    }

    public string Name { get; }
    public Func<T, IProperty, object?>? Shadow { get; }
    public long Rows { get; private set; }
    public Stopwatch Clock { get; } = new();
    public int ColumnCount => _cols.Length;
    public string ColumnList => string.Join(", ", _cols.Select(c => $"\"{c.Column}\""));

    /// <summary>The provider value of column <paramref name="i"/> (after the model's value converter).</summary>
    public object? Value(T e, int i)
    {
        var (_, p, m, _) = _cols[i];
        var v = _getters[i] is { } g ? g(e) : Shadow!(e, p);
        if (v is not null && m.Converter is { } conv) v = conv.ConvertToProvider(v);
        return v;
    }

    public NpgsqlDbType PgType(int i)
    {
        var t = _cols[i].StoreType;
        if (t.StartsWith("character varying")) return NpgsqlDbType.Varchar;
        return t switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "text" => NpgsqlDbType.Text,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "smallint" => NpgsqlDbType.Smallint,
            "boolean" => NpgsqlDbType.Boolean,
            "date" => NpgsqlDbType.Date,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" => NpgsqlDbType.Timestamp,
            "time without time zone" => NpgsqlDbType.Time,
            "double precision" => NpgsqlDbType.Double,
            "numeric" => NpgsqlDbType.Numeric,
            _ => throw new NotSupportedException($"{Name}.{_cols[i].Column}: store type {t}"),
        };
    }

    public void Count(int n) => Rows += n;

    // ---- SQLite: one prepared INSERT reused for every row (parameters made by the model's type mappings).
    private SqliteCommand? _insert;
    private DbParameter[]? _params;

    public void WriteSqlite(SqliteConnection conn, SqliteTransaction tx, IReadOnlyList<T> rows)
    {
        Clock.Start();
        if (_insert is null || _insert.Connection != conn)
        {
            _insert = conn.CreateCommand();
            _insert.CommandText = $"INSERT INTO \"{Name}\" ({ColumnList}) VALUES ({string.Join(", ", _cols.Select((_, i) => $"$p{i}"))})";
            _params = _cols.Select((c, i) => c.Mapping.CreateParameter(_insert, $"$p{i}", null, nullable: true)).ToArray();
            foreach (var p in _params) _insert.Parameters.Add(p);
        }
        _insert.Transaction = tx;
        if (!_prepared) { _insert.Prepare(); _prepared = true; }
        foreach (var row in rows)
        {
            for (var i = 0; i < _params!.Length; i++) _params[i].Value = Value(row, i) ?? DBNull.Value;
            _insert.ExecuteNonQuery();
        }
        Rows += rows.Count;
        Clock.Stop();
    }

    private bool _prepared;

    // ---- PostgreSQL: binary COPY.
    public void WritePostgres(NpgsqlConnection conn, IReadOnlyList<T> rows)
    {
        if (rows.Count == 0) return;
        Clock.Start();
        var types = Enumerable.Range(0, _cols.Length).Select(PgType).ToArray();
        using (var imp = conn.BeginBinaryImport($"COPY \"{Name}\" ({ColumnList}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                imp.StartRow();
                for (var i = 0; i < types.Length; i++)
                {
                    var v = Value(row, i);
                    if (v is null) imp.WriteNull();
                    else imp.Write(v, types[i]);
                }
            }
            imp.Complete();
        }
        Rows += rows.Count;
        Clock.Stop();
    }

    public string Report() =>
        $"{Name,-26} {Rows,12:N0} rows {Clock.Elapsed.TotalSeconds,8:F1} s {(Clock.Elapsed.TotalSeconds > 0 ? Rows / Clock.Elapsed.TotalSeconds : 0),12:N0} rows/s";
}
