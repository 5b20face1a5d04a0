/**
 * Query-side stopwords: function words that carry no topic. The 'simple' text-search config in
 * PostgreSQL has no stopword list, so a query like 不存在的词 would otherwise AND in 的.
 * Kept deliberately short: a content word wrongly listed here makes it unsearchable.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    '的 地 得 了 着 过 是 在 和 与 及 以及 或 或者 等 等等 也 都 就 而 而且 并 并且 之 其 此 这 那 ' +
    '这个 那个 这些 那些 这里 那里 有 被 把 让 给 向 对 从 为 为了 于 以 将 但 但是 又 还 呢 吗 吧 啊 ' +
    '呀 嘛 哦 哈 个 一个 些 一些 我 你 他 她 它 我们 你们 他们 她们 它们 自己 咱们 各 每 所 则 即 ' +
    '如 若 如果 因 因为 所以 然后 已 已经 曾 曾经 正在 什么 怎么 怎样 如何 哪 哪些 哪个 谁 之一 ' +
    '其中 关于 按照 根据 通过 由于 虽然 即使 还是 只是 不过 可以 能 会 要 应 应该 该 很 更 最 又 再'
  ).split(' '),
);
