using System.Diagnostics;
using System.Text;

namespace DeepDive.Cli.Tests;

/// <summary>
/// A deepdive command that runs until it is stopped (<c>serve</c>, <c>demo --serve</c>): its output read line by line as
/// it comes, waited on for a line, then interrupted as Ctrl+C would. Disposing it kills it if it is still running.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly object gate = new();
    private readonly SemaphoreSlim lineArrived = new(0);

    public CliProcess(ProcessStartInfo start)
    {
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string StdOut
    {
        get
        {
            lock (gate)
            {
                return stdout.ToString();
            }
        }
    }

    public string StdErr
    {
        get
        {
            lock (gate)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Waits until standard output has a line that <paramref name="match"/> accepts and returns it; fails if the process ends first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            if (StdOut.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (process.HasExited)
            {
                process.WaitForExit(); // drains the output events
                throw new InvalidOperationException($"deepdive ended (exit {process.ExitCode}) before printing the line looked for.\n{this}");
            }

            try
            {
                await lineArrived.WaitAsync(TimeSpan.FromSeconds(1), limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"deepdive did not print the line looked for in {timeout}.\n{this}");
            }
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C at a terminal does, and returns the exit code once the process has stopped.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"deepdive did not stop within {timeout} of Ctrl+C.\n{this}");
        }

        return process.ExitCode;
    }

    public override string ToString() => $"--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lineArrived.Dispose();
    }

    private void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.Append(line).Append('\n');
        }

        lineArrived.Release();
    }
}
