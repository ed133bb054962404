using System.Collections.Concurrent;
using System.Diagnostics;
using Lapor.EndToEnd.Tests.Infrastructure;
using static Lapor.EndToEnd.Tests.Infrastructure.SkeletonFlow;

namespace Lapor.EndToEnd.Tests;

/// <summary>
/// A government system calls nowhere it was not configured to: while the embedded host starts, takes a report and
/// routes it to the desk, every outgoing HTTP request any part of the process makes (MassTransit's usage report
/// included, were it not disabled) is recorded, and none leaves this machine.
/// </summary>
public sealed class OutboundConnectionTests : IDisposable
{
    private readonly ConcurrentQueue<Uri> _requests = new();
    private readonly IDisposable _subscription;

    public OutboundConnectionTests()
    {
        _subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == "HttpHandlerDiagnosticListener")
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Key == "System.Net.Http.HttpRequestOut.Start" && e.Value?.GetType().GetProperty("Request")?.GetValue(e.Value) is HttpRequestMessage { RequestUri: { } uri })
                        _requests.Enqueue(uri);
                }));
        }));
    }

    public void Dispose() => _subscription.Dispose();

    [Fact]
    public async Task Starting_filing_and_routing_calls_no_host_but_this_machine()
    {
        await using (var lapor = new EmbeddedLaporFactory())
        {
            var citizen = lapor.CreateClient();
            var officer = await citizen.AsAsync(lapor.CreateClient, "officer", RoadAgency);
            var receipt = await FileAsync(citizen, RoadInSurabaya);
            await Eventually(() => InInboxAsync(officer, receipt.TrackingId), "the report reaches the inbox");
            await Task.Delay(TimeSpan.FromSeconds(3)); // anything a background service sends soon after start
        } // and while it stops

        var elsewhere = _requests.Where(u => !u.IsLoopback && u.Host != "localhost").Select(u => u.Host).Distinct().ToList();
        Assert.True(elsewhere.Count == 0, "Outbound requests to: " + string.Join(", ", elsewhere));
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(T value) => next(value);
    }
}
