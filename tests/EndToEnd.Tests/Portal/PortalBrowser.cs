using Lapor.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lapor.EndToEnd.Tests.Portal;

/// <summary>
/// The embedded host on a real Kestrel port and Debian's Chromium driven headless by Playwright, as a citizen's
/// phone or an officer's desktop would reach the portal. Screenshots go to <c>screenshots/</c> beside the tests.
/// </summary>
public sealed class PortalBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly EmbeddedLaporFactory _lapor = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseAddress { get; private set; } = "";
    public EmbeddedLaporFactory Lapor => _lapor;
    /// <summary>Where the host's mail goes (citizens' and officers'), so journeys can read it.</summary>
    public SmtpSink Mail { get; } = new();
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Mail.ReceiveFrom(_lapor.Settings);
        _lapor.Settings["Lapor:Desk:MailSeconds"] = "1";
        _lapor.UseKestrel(0);
        _lapor.StartServer();
        BaseAddress = _lapor.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotDirectory);

        Assert.True(File.Exists(ChromiumPath), $"Browser tests need Debian's chromium at {ChromiumPath} (tests/run.sh installs it).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile: a phone (360 px wide) or a desktop, with or without JavaScript.</summary>
    public async Task<IPage> OpenAsync(bool phone = true, bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress,
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = javaScript,
            Locale = "id-ID",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in at the Development role picker (<c>/masuk</c>) as the role, agency and name given.</summary>
    public static async Task SignInAsync(IPage page, string role, string? agency = null, string? name = null)
    {
        await page.GotoAsync("/masuk");
        await page.Locator($"input[name=Role][value={role}]").CheckAsync();
        if (agency is not null) await page.GetByLabel("Instansi (untuk petugas)").FillAsync(agency);
        if (name is not null) await page.GetByLabel("Nama").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _lapor.DisposeAsync();
        await Mail.DisposeAsync();
    }
}
