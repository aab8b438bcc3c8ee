using DailyPapers.Infrastructure.Digests;

namespace DailyPapers.Tests.Digests;

/// <summary>Which addresses a subscription takes, and that each refusal names the real problem.</summary>
public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("x@-example.org", "starts or ends with a hyphen")]
    [InlineData("x@example-.org", "starts or ends with a hyphen")]
    [InlineData("x@exa_mple.org", "has \"_\"; a domain has only letters, digits, hyphens and dots")]
    [InlineData("x@exa%mple.org", "has \"%\"; a domain has only letters, digits, hyphens and dots")]
    [InlineData("x@example..org", "two dots in a row")]
    [InlineData("x@localhost", "needs a dot")]
    [InlineData("x@", "nothing after the @")]
    [InlineData("x@10.0.0.1", "not an IP address")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.org", "has 70 characters; at most 64")]
    [InlineData("zero\u200Bwidth@example.org", "invisible character (U+200B)")]
    [InlineData("ｆｕｌｌ@example.org", "\"ｆ\", which is not a plain ASCII character")]
    [InlineData("grüße@example.org", "\"ü\", which is not a plain ASCII character")]
    [InlineData("\"quoted local\"@example.org", "quoted addresses")]
    [InlineData("two words@example.org", "a space or an invisible character")]
    [InlineData("a,b@example.org", "has \",\", which an email address cannot have")]
    [InlineData(".ada@example.org", "cannot start or end with a dot")]
    [InlineData("ada.example.org", "has no @")]
    [InlineData("", "Enter your email address.")]
    public void Refuses_with_the_real_problem(string input, string problem)
    {
        Assert.False(EmailAddresses.TryNormalise(input, out _, out var reason));
        Assert.Contains(problem, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_local_part_is_not_blamed_on_the_domain()
    {
        EmailAddresses.TryNormalise("\"quoted local\"@example.org", out _, out var reason);

        Assert.DoesNotContain("domain", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ada@example.org", "ada@example.org")]
    [InlineData("  Ada.Lovelace+papers@Example.ORG ", "Ada.Lovelace+papers@Example.ORG")]
    [InlineData("o'brien@sub.example-host.co.uk", "o'brien@sub.example-host.co.uk")]
    [InlineData("x@bücher.example", "x@xn--bcher-kva.example")]
    [InlineData("x@BÜCHER.example", "x@xn--bcher-kva.example")]
    [InlineData("full@ｅｘａｍｐｌｅ.org", "full@example.org")]
    [InlineData("x@xn--bcher-kva.example", "x@xn--bcher-kva.example")]
    public void Accepts_plain_addresses_and_sends_international_domains_as_punycode(string input, string expected)
    {
        Assert.True(EmailAddresses.TryNormalise(input, out var address, out var problem), problem);
        Assert.Equal(expected, address);
    }

    [Fact]
    public void An_international_domain_and_its_punycode_are_one_subscriber()
    {
        EmailAddresses.TryNormalise("x@bücher.example", out var unicode, out _);
        EmailAddresses.TryNormalise("X@XN--BCHER-KVA.EXAMPLE", out var ascii, out _);

        Assert.Equal(EmailAddresses.Normalised(unicode), EmailAddresses.Normalised(ascii));
    }
}
