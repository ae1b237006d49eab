namespace NhiemVu.Bench;
public static class Runner { public static Task<int> RunAsync(Options o) => Task.FromResult(0); }
