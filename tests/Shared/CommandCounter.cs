using Microsoft.EntityFrameworkCore;

namespace Lapor.Tests.Shared;

/// <summary>Counts the commands sent by the one context it watches.</summary>
/// <remarks>One file, linked into each test project that counts a unit of work's queries.</remarks>
public sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private DbContext? _watched;
    private int _count;

    public int Count => _count;

    public void Watch(DbContext context)
    {
        _watched = context;
        _count = 0;
    }

    public override System.Data.Common.DbCommand CommandCreated(Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData, System.Data.Common.DbCommand result)
    {
        if (eventData.Context is { } context && ReferenceEquals(context, _watched)) Interlocked.Increment(ref _count);
        return result;
    }
}
