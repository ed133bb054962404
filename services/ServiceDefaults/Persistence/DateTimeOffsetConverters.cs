using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lapor.ServiceDefaults.Persistence;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks, so SQLite can sort and compare it.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>Stores a <see cref="DateTimeOffset"/> as the same instant in UTC, as PostgreSQL's timestamptz requires.</summary>
public sealed class DateTimeOffsetUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
