namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>What a request should get.</summary>
public sealed record Outcome(string Name, int? Status = null)
{
    /// <summary>Reached the page or endpoint: a page (2xx, or a redirect other than to sign in or to the forbidden page); from the API also a 400, 409 or 422.</summary>
    public static readonly Outcome Allowed = new("allowed");

    /// <summary>The user may not do this: 403 (for a page, "You cannot see this page", or a redirect to it at /forbidden).</summary>
    public static readonly Outcome Forbidden = new("forbidden");

    /// <summary>The object is out of the user's scope (or does not exist): 404, never telling which.</summary>
    public static readonly Outcome NotFound = new("not found");

    /// <summary>Not signed in: a redirect to the sign-in page or, from the API, 401.</summary>
    public static readonly Outcome SignIn = new("sign in");

    /// <summary>Exactly this status (an error page shows with its own status).</summary>
    public static Outcome Shows(int status) => new($"status {status}", status);

    public override string ToString() => Name;
}
