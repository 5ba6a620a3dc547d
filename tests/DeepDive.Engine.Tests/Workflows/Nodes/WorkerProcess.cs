using System.Diagnostics;

namespace DeepDive.Engine.Tests.Workflows.Nodes;

/// <summary>A real `deepdive run` process on a shared database, which a test can kill with SIGKILL.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;

    private WorkerProcess(Process process, string log)
    {
        this.process = process;
        Log = log;
    }

    public string Log { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static WorkerProcess Start(string connection, bool clustered, string name)
    {
        var dll = typeof(DeepDive.Cli.Commands.RunCommand).Assembly.Location;
        var log = Path.Combine(Path.GetTempPath(), $"deepdive-worker-{name}-{Guid.NewGuid():N}.log");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "run", "--db", connection, "--poll-ms", "200" }.Concat(clustered ? ["--clustered"] : Array.Empty<string>()))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DEEPDIVE_LOG"] = Environment.GetEnvironmentVariable("EXP_LOG") ?? "warning";
        info.Environment["NO_COLOR"] = "1";
        if (Environment.GetEnvironmentVariable("EXP_TRACE") is { } trace) info.Environment["EXP_TRACE"] = trace;
        var process = Process.Start(info)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process, log);
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no released locks but those the database drops with the session.</summary>
    public void KillHard()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public string ReadLog() => File.Exists(Log) ? File.ReadAllText(Log) : "";

    public void Dispose()
    {
        KillHard();
        process.Dispose();
    }
}
