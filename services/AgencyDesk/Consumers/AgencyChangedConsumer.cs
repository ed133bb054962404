using Lapor.AgencyDesk.Domain;
using Lapor.AgencyDesk.Persistence;
using Lapor.Contracts;
using Lapor.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lapor.AgencyDesk.Consumers;

/// <summary>Keeps agency names current: a newer name from the directory is written on every report of that agency, in the inbox's transaction.</summary>
public sealed class AgencyChangedConsumer(DeskDbContext db, TimeProvider clock) : IdempotentConsumer<DeskDbContext, AgencyChanged>(db, clock)
{
    protected override async Task Handle(AgencyChanged message, CancellationToken cancellationToken)
    {
        var known = await Db.Agencies.SingleOrDefaultAsync(a => a.Id == message.AgencyId, cancellationToken);
        if (known is null) Db.Agencies.Add(DirectoryAgency.From(message));
        else if (!known.Apply(message)) return;
        Db.RenameAgency(message.AgencyId, message.Name);
    }
}
