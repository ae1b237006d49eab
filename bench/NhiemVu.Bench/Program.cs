using NhiemVu.Bench;

// dotnet run --project bench/NhiemVu.Bench -- generate --size S|M|L --provider Sqlite|Postgres --connection "<cs>" [--seed N]
// dotnet run -c Release --project bench/NhiemVu.Bench -- run --provider … --connection … [--clients 64] [--seconds 20]
var cmd = args.Length > 0 ? args[0] : "";
var opts = Options.Parse(args.Skip(1).ToArray());
try
{
    return cmd switch
    {
        "generate" => await Generator.RunAsync(opts),
        "run" => await Runner.RunAsync(opts),
        "profile-reports" => await ReportProfile.RunAsync(opts),
        _ => Usage(),
    };
}
catch (OptionException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          generate --size S|M|L --provider Sqlite|Postgres --connection "<cs>" [--seed N] [--chunk 10000]
          run --provider Sqlite|Postgres --connection "<cs>" [--clients 64] [--seconds 20] [--warmup 3]
              [--only inbox,mine,list,page,search,health,hello,mixed] [--sql-log FILE] [--app path/NhiemVu.Web.dll]
        """);
    return 2;
}

namespace NhiemVu.Bench
{
    public sealed class OptionException(string message) : Exception(message);

    public sealed class Options
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

        public static Options Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--")) throw new OptionException($"unexpected argument '{args[i]}'");
                var key = args[i][2..];
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
                o._values[key] = value;
            }
            return o;
        }

        public string? Get(string key) => _values.GetValueOrDefault(key);
        public string Required(string key) => Get(key) ?? throw new OptionException($"--{key} is required");
        public int Int(string key, int def) => Get(key) is { } v ? int.Parse(v) : def;
        public bool Flag(string key) => Get(key) is "true" or "1" or "yes";

        public string Provider
        {
            get
            {
                var p = Required("provider");
                if (p.Equals("sqlite", StringComparison.OrdinalIgnoreCase)) return "Sqlite";
                if (p.Equals("postgres", StringComparison.OrdinalIgnoreCase)) return "Postgres";
                throw new OptionException("--provider must be Sqlite or Postgres");
            }
        }
    }
}
