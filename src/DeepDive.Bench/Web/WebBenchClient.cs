using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace DeepDive.Bench.Web;

/// <summary>
/// The bench's clients, run in a process of their own so that their work is not the server's: each signs in as its
/// auditor (the sign-in page, then its form with the anti-forgery token, as a browser does), warms up on the mix, then for the
/// timed run calls the routes of the mix one after another with no pause, picking each at random by weight, and once,
/// at its own moment in the run, submits its task. Every request is timed from sending it to reading its last byte.
/// </summary>
public static partial class WebBenchClient
{
    public static async Task<WebBenchResult> RunAsync(WebBenchPlan plan, CancellationToken cancellationToken)
    {
        var clients = plan.Clients.Select((c, i) => new Session(plan, c, i)).ToList();
        try
        {
            var signIn = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(c => c.SignInAsync(cancellationToken)));
            var signInSeconds = signIn.Elapsed.TotalSeconds;

            var warmUp = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(c => Task.Run(() => c.WarmUpAsync(warmUp, TimeSpan.FromSeconds(plan.WarmUpSeconds), cancellationToken), cancellationToken)));

            using var server = Process.GetProcessById(plan.ServerProcessId);
            using var self = Process.GetCurrentProcess();
            var (serverCpu, clientCpu) = (server.TotalProcessorTime, self.TotalProcessorTime);
            var run = Stopwatch.StartNew();
            var until = TimeSpan.FromSeconds(plan.Seconds);
            await Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(run, until, cancellationToken), cancellationToken)));
            var seconds = run.Elapsed.TotalSeconds;
            server.Refresh();
            self.Refresh();
            (serverCpu, clientCpu) = (server.TotalProcessorTime - serverCpu, self.TotalProcessorTime - clientCpu);

            var all = clients.SelectMany(c => c.Samples).ToList();
            var routes = WebBenchRoute.All.Where(r => all.Any(s => s.Route == r))
                .Select(r => WebBenchFigures.Of(r.Name, r.Method, r.Template, [.. all.Where(s => s.Route == r).Select(s => s.Sample)], seconds))
                .ToList();
            double PerRequest(TimeSpan cpu) => all.Count == 0 ? 0 : Math.Round(cpu.TotalMilliseconds / all.Count, 2);
            return new WebBenchResult(Math.Round(seconds, 2), Math.Round(signInSeconds, 2),
                WebBenchFigures.Of("all", "", "", [.. all.Select(s => s.Sample)], seconds), routes, PerRequest(serverCpu), PerRequest(clientCpu));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>A completed audit tool, as an auditor's answers file or the task page's form gives it.</summary>
    public static object Answers(int n) => new
    {
        grade = Domain.Grading.GradingScale.Names[n % Domain.Grading.GradingScale.Names.Count],
        sections = new[] { new { section = "Assessment", evidence = "The assessment was timely and recorded the child's views.", grade = "good" } },
        goodPractice = new[] { "Plans were reviewed on time" },
        areasForDevelopment = new[] { "Record the reasons for decisions" },
        recommendations = new[] { "Share the chronology with health at each review" },
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>One signed-in client: its own cookies and connection, its own random choices, its own samples.</summary>
    private sealed class Session(WebBenchPlan plan, WebBenchPlan.Client client, int index) : IDisposable
    {
        private readonly HttpClient http = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(plan.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };

        private readonly Random random = new(plan.Seed + index);
        private readonly WebBenchRoute[] weighted = [.. plan.Mix.SelectMany(m => Enumerable.Repeat(WebBenchRoute.Named(m.Key), m.Value))];
        private int nextTask;

        public List<(WebBenchRoute Route, WebBenchFigures.Sample Sample)> Samples { get; } = [];

        public async Task SignInAsync(CancellationToken cancellationToken)
        {
            var page = await http.GetStringAsync("/sign-in", cancellationToken);
            var token = AntiforgeryToken().Match(page);
            if (!token.Success)
            {
                throw new InvalidOperationException("The sign-in page has no anti-forgery token.");
            }

            using var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = client.Email,
                ["Input.Password"] = plan.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }), cancellationToken);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"{client.Email} could not sign in: the sign-in page answered {(int)response.StatusCode}.");
            }
        }

        /// <summary>
        /// The mix, not counted: every route once, then on for the warm-up's time. The first calls compile pages and fill
        /// caches, and the runtime goes on recompiling the busiest code for some seconds; a server that has been running
        /// for a while has done both.
        /// </summary>
        public async Task WarmUpAsync(Stopwatch warmUp, TimeSpan until, CancellationToken cancellationToken)
        {
            foreach (var route in weighted.Distinct())
            {
                await SendAsync(route, cancellationToken);
            }

            while (warmUp.Elapsed < until)
            {
                await SendAsync(weighted[random.Next(weighted.Length)], cancellationToken);
            }
        }

        public async Task RunAsync(Stopwatch run, TimeSpan until, CancellationToken cancellationToken)
        {
            // Each client submits at its own moment, the clients' moments spread over the first four fifths of the run.
            var submitAt = until * (0.1 + 0.7 * index / Math.Max(1, plan.Clients.Count));
            var submitted = !plan.Submit || client.SubmitTaskId is null;
            while (run.Elapsed < until)
            {
                var route = !submitted && run.Elapsed >= submitAt ? WebBenchRoute.Submit : weighted[random.Next(weighted.Length)];
                submitted |= route == WebBenchRoute.Submit;
                Samples.Add((route, await SendAsync(route, cancellationToken)));
            }
        }

        private async Task<WebBenchFigures.Sample> SendAsync(WebBenchRoute route, CancellationToken cancellationToken)
        {
            var taskId = route == WebBenchRoute.Submit ? client.SubmitTaskId
                : route.Template.Contains("{taskId}", StringComparison.Ordinal) ? client.TaskIds[nextTask++ % client.TaskIds.Count]
                : null;
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(taskId));
            if (route == WebBenchRoute.Submit)
            {
                request.Content = JsonContent.Create(Answers(index));
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", client.Token);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var status = (int)response.StatusCode;
                return new(ms, route.Success.Contains(status) ? null : $"HTTP {status.ToString(CultureInfo.InvariantCulture)}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return new(Stopwatch.GetElapsedTime(started).TotalMilliseconds, e is TaskCanceledException ? "timed out" : e.GetType().Name);
            }
        }

        public void Dispose() => http.Dispose();
    }
}
