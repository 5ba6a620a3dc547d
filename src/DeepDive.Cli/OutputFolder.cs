namespace DeepDive.Cli;

/// <summary>
/// A folder a command writes its files into. The command replaces only what it made itself: a folder it created
/// holds its marker file, and there it may replace its own outputs from an earlier run; in any other folder an output
/// that is already there is replaced only when the user confirms with <c>--replace</c>.
/// </summary>
public sealed record OutputFolder(string Path, string Command, IReadOnlyList<string> InTheWay)
{
    /// <summary>True when the command may go ahead: nothing of someone else's is in the way.</summary>
    public bool Ready => InTheWay.Count == 0;

    /// <summary>
    /// Prepares <paramref name="folder"/> for <paramref name="command"/>'s <paramref name="outputs"/> (file or folder
    /// names): creates it with the marker when it is new or empty, and removes earlier outputs where the marker is, or
    /// where <paramref name="replace"/> confirms it. Otherwise it changes nothing and names the outputs in the way.
    /// </summary>
    public static OutputFolder Prepare(string folder, string command, IReadOnlyList<string> outputs, bool replace)
    {
        var path = System.IO.Path.GetFullPath(folder);
        var marker = System.IO.Path.Combine(path, $".deepdive-{command}");
        var isNew = !Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any();
        var existing = outputs.Where(o => Exists(System.IO.Path.Combine(path, o))).ToList();
        if (existing.Count > 0 && !replace && !File.Exists(marker))
        {
            return new OutputFolder(path, command, existing);
        }

        Directory.CreateDirectory(path);
        if (isNew)
        {
            File.WriteAllText(marker, $"Made by deepdive {command}, which replaces its own files here ({string.Join(", ", outputs)}) on each run.\n");
        }

        foreach (var output in existing)
        {
            Remove(System.IO.Path.Combine(path, output));
        }

        return new OutputFolder(path, command, []);
    }

    /// <summary>What to tell the user when something is in the way: which files, where, and how to go on.</summary>
    public string Refusal
    {
        get
        {
            var names = InTheWay.Select(Name).ToList();
            var list = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
            return $"{Path} already holds {list}, which deepdive {Command} did not make. Nothing was changed. " +
                $"Run again with --replace to replace {(names.Count == 1 ? "it" : "them")}, or choose another --folder.";
        }
    }

    private string Name(string output) => Directory.Exists(System.IO.Path.Combine(Path, output)) ? output + "/" : output;

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static void Remove(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}
