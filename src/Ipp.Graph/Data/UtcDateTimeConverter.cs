using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ipp.Graph.Data;

/// <summary>Stores <see cref="DateTime"/> values as UTC and marks the values read back as UTC.</summary>
public sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(value => value.ToUniversalTime(), value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
    {
    }
}
