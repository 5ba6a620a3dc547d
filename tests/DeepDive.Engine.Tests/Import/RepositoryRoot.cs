namespace DeepDive.Engine.Tests.Import;

internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeepDive.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No DeepDive.sln above {AppContext.BaseDirectory}.");
    }
}
