using System.Runtime.CompilerServices;

// The calendar tests check the astronomical core against the Chinese calendar by computing it for UTC+8.
[assembly: InternalsVisibleTo("NhiemVu.Domain.Tests")]
