using Yarp.ReverseProxy.Forwarder;

namespace Lapor.Gateway;

/// <summary>
/// A request whose connection a destination refused was never sent, so it is safe to send again — even a citizen's
/// report — to another destination of the same cluster: a replica that died then costs no citizen a refusal while the
/// health checks catch up. Only a refused or failed connection is retried, once per destination; a request that
/// reached a destination and failed there is not (it may have been acted on).
/// </summary>
public sealed class RefusedConnectionRetry(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        while (true)
        {
            // Load balancing narrows the list to the one destination it picks: keep the candidates it chose from.
            var candidates = proxy.AvailableDestinations;
            await next(context);
            if (context.Response.HasStarted || !NeverSent(context.Features.Get<IForwarderErrorFeature>())) return;
            var refused = proxy.ProxiedDestination;
            var others = candidates.Where(d => d != refused).ToList();
            if (refused is null || others.Count == 0) return;
            proxy.AvailableDestinations = others;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    private static bool NeverSent(IForwarderErrorFeature? error) =>
        error is { Error: ForwarderError.Request, Exception: { } exception }
        && Causes(exception).OfType<HttpRequestException>().Any(e => e.HttpRequestError == HttpRequestError.ConnectionError);

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException) yield return e;
    }
}
