namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>The outcome for each <see cref="Who"/>: start from one of the shapes, then change single cells with <see cref="Except"/>.</summary>
public sealed class Expect
{
    private readonly Dictionary<Who, Outcome> outcomes;

    private Expect(Func<Who, Outcome> outcome) => outcomes = Enum.GetValues<Who>().ToDictionary(w => w, outcome);

    /// <summary>The same for everyone, signed in or not (public pages, error pages).</summary>
    public static Expect Everyone(Outcome outcome) => new(_ => outcome);

    /// <summary>Anyone signed in is allowed; anonymous is asked to sign in.</summary>
    public static Expect SignedIn() => new(w => w == Who.Anonymous ? Outcome.SignIn : Outcome.Allowed);

    /// <summary>These are allowed, every other signed-in user is forbidden, anonymous is asked to sign in.</summary>
    public static Expect Only(params Who[] allowed) =>
        new(w => w == Who.Anonymous ? Outcome.SignIn : allowed.Contains(w) ? Outcome.Allowed : Outcome.Forbidden);

    public Expect Except(Outcome outcome, params Who[] who)
    {
        foreach (var w in who)
        {
            outcomes[w] = outcome;
        }

        return this;
    }

    public Outcome For(Who who) => outcomes[who];
}
