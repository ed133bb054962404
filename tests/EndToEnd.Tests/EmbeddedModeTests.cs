using Lapor.EndToEnd.Tests.Infrastructure;

namespace Lapor.EndToEnd.Tests;

public sealed class EmbeddedModeTests(EmbeddedLaporFactory lapor) : IClassFixture<EmbeddedLaporFactory>
{
    [Fact]
    public Task A_filed_report_is_routed_shown_in_the_inbox_and_counted() => SkeletonFlow.RunAsync(lapor.CreateClient);

    [Fact]
    public async Task Health_endpoints_answer()
    {
        var client = lapor.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }
}
