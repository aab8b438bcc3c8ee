using System.Collections.Concurrent;
using System.Security.Claims;
using DailyPapers.Infrastructure.Accounts;

namespace DailyPapers.Web;

/// <summary>
/// The claims made for each token owner, by their security stamp: a script calling the API with its token costs one
/// query (the token and the owner's stamp) instead of the half dozen that make the claims. A suspension, a
/// restoration, a new role or a new address moves the stamp, so the next call makes the claims afresh, on every node.
/// </summary>
public sealed class TokenPrincipals
{
    /// <summary>Owners remembered at most; past it the memory starts over (a few hundred bytes each).</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<TokenOwner, Claim[]> _claims = new();

    public Claim[]? Find(TokenOwner owner) => _claims.TryGetValue(owner, out var claims) ? claims : null;

    public void Remember(TokenOwner owner, Claim[] claims)
    {
        if (_claims.Count >= Capacity)
        {
            _claims.Clear();
        }

        _claims[owner] = claims;
    }
}
