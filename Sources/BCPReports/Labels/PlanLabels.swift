import BCPText

/// Labels of `bcpsim plan` and `bcpsim sensitivity` (`plan.`, `sensitivity.`); every other label
/// comes from `Labels`. PlanReportTests checks that every key has both languages.
public enum PlanLabels {
    public static let table: [String: [Language: String]] = [
        "plan.title": [.ja: "予算{0}の対策計画：{1}", .en: "Plan for a budget of {0}: {1}"],
        "plan.objective.beyond-tolerance": [.ja: "機器の許容時間を超えた時間（患者あたりの合計）", .en: "time beyond the device's tolerance (summed over patients)"],
        "plan.objective.harmed": [.ja: "機器の許容時間を超えた患者", .en: "patients beyond their device's tolerance"],
        "plan.objective.gap": [.ja: "電源のない時間（患者あたりの合計）", .en: "time without power (summed over patients)"],
        "plan.objective.uncovered": [.ja: "電源のない時間があった患者", .en: "patients with some time without power"],
        "plan.objective.emergency": [.ja: "救急受診（救急車・家族による搬送）", .en: "emergency presentations (ambulance, family to the emergency department)"],
        "plan.unit.hours": [.ja: "時間", .en: "hours"],
        "plan.unit.count": [.ja: "人", .en: "patients"],
        "plan.interval": [.ja: "{0}（5～95%：{1}～{2}）", .en: "{0} (5-95%: {1} to {2})"],
        "plan.program.none": [.ja: "都の補助なし（資料に財源の記載なし）", .en: "no Tokyo subsidy (no program in the documents)"],
        "plan.free": [.ja: "区市町村負担なし", .en: "no municipal cost"],
        "plan.answer.base": [
            .ja: "対策前の{0}：平均{1}{2}（{3}通りの乱数系列での平均と5～95%の範囲）。",
            .en: "Before any change, {0}: {1} {2} on average (mean and 5-95% range over {3} seeds).",
        ],
        "plan.answer.nothingToReduce": [
            .ja: "どの乱数系列でも{0}は0で、減らす対象がありません。予算は使いません（別の目的 --objective gap などを選べます）。",
            .en: "{0} is 0 under every seed: there is nothing to reduce, and no budget is spent (choose another objective, such as --objective gap).",
        ],
        "plan.answer.nothingHelps": [
            .ja: "予算内のどの対策でも{0}は減りませんでした。下の「選ばれなかった対策」に理由があります。",
            .en: "No change within the budget reduced {0}. The table of changes not taken gives the reasons.",
        ],
        "plan.answer.plan": [
            .ja: "{0}手の対策：費用{1}、うち都の補助{2}、区市町村負担{3}（予算{4}）。",
            .en: "{0} changes: cost {1}, of which Tokyo's subsidy {2} and the municipality's share {3} (budget {4}).",
        ],
        "plan.answer.reduction": [
            .ja: "{0}の減少：平均{1}{2}。対策後は{3}{2}。",
            .en: "Reduction in {0}: {1} {2} on average. After the plan: {3} {2}.",
        ],
        "plan.answer.first": [
            .ja: "最初の一手：{0}で{1}（区市町村負担100万円あたり{2}{3}の減少）。",
            .en: "First change: {0}, {1} ({2} {3} less per million yen of municipal cost).",
        ],
        "plan.answer.allGone": [
            .ja: "この計画でどの乱数系列でも{0}は0になり、残りの予算{1}は使いません（別の指標 --objective gap などで、さらに使い道を探せます）。",
            .en: "With this plan {0} is 0 under every seed; the {1} left is not spent (another measure, such as --objective gap, finds further uses).",
        ],
        "plan.restricted": [
            .ja: "【取扱注意】実データのシナリオです。少数の患者から算出した数を含むため、公開・配布しないでください。",
            .en: "RESTRICTED: a scenario with real data. Figures may come from few patients; do not publish or circulate.",
        ],
        "plan.section.answer": [.ja: "要点", .en: "In short"],
        "plan.section.steps": [.ja: "対策の順番（費用対効果の高い順に選んだ手）", .en: "The plan, step by step (each the best value for money at its turn)"],
        "plan.section.notTaken": [.ja: "選ばれなかった対策とその理由", .en: "Changes not taken, and why"],
        "plan.section.prices": [.ja: "単価と財源", .en: "Prices and funding"],
        "plan.section.method": [.ja: "方法と限界", .en: "Method and limits"],
        "plan.param.budget": [.ja: "予算", .en: "Budget"],
        "plan.param.budgetNet": [.ja: "（区市町村負担額、都の補助を除く）", .en: " (the municipality's share, net of Tokyo's subsidy)"],
        "plan.param.objective": [.ja: "減らす指標", .en: "Harm reduced"],
        "plan.param.scope": [.ja: "対策する区市町村", .en: "Where the plan may spend"],
        "plan.param.scopeAuto": [.ja: "電源のない患者が出た{0}区市町村（--municipality で指定可）", .en: "the {0} municipalities with patients without power (--municipality to choose)"],
        "plan.param.seeds": [.ja: "乱数系列", .en: "Seeds"],
        "plan.param.seedsValue": [.ja: "{0}通り（最初はシナリオの{1}）", .en: "{0} (the first is the scenario's, {1})"],
        "plan.param.runs": [.ja: "シミュレーション実行回数", .en: "Simulation runs"],
        "plan.steps.none": [.ja: "選ばれた対策はありません（要点を参照）。", .en: "No change was chosen (see In short)."],
        "plan.steps.intro": [
            .ja: "各行はその前の行までの対策に加える一手です。減少量（{0}）はその一手による減少で、乱数系列ごとの差の平均と5～95%の範囲です。",
            .en: "Each row adds one change to those above it. The reduction ({0}) is that change's own, the mean and 5-95% range of the difference under each seed.",
        ],
        "plan.notTaken.intro": [
            .ja: "対策する区市町村ごとに、計画に入らなかった種類の対策と、その理由です（効果がないと黙って省くことはしません）。",
            .en: "For each municipality in scope, the kinds of change the plan did not take, and why (none is left out silently).",
        ],
        "plan.col.change": [.ja: "対策", .en: "Change"],
        "plan.col.total": [.ja: "費用", .en: "Cost"],
        "plan.col.tokyo": [.ja: "うち都の補助", .en: "Tokyo's subsidy"],
        "plan.col.net": [.ja: "区市町村負担", .en: "Municipal share"],
        "plan.col.cumulative": [.ja: "区市町村負担の累計", .en: "Municipal share so far"],
        "plan.col.reduction": [.ja: "減少量（{0}）", .en: "Reduction ({0})"],
        "plan.col.perMillion": [.ja: "100万円あたりの減少（{0}）", .en: "Reduction per million yen ({0})"],
        "plan.col.program": [.ja: "財源（都の事業）", .en: "Funding (Tokyo program)"],
        "plan.col.lever": [.ja: "対策の種類", .en: "Kind of change"],
        "plan.col.why": [.ja: "理由", .en: "Why"],
        "plan.col.item": [.ja: "品目", .en: "Item"],
        "plan.col.price": [.ja: "単価", .en: "Price"],
        "plan.col.share": [.ja: "都の補助率", .en: "Tokyo's share"],
        "plan.col.source": [.ja: "出典", .en: "Source"],
        "plan.lever.unit": [.ja: "区市町村の備蓄電源（配送班つき）", .en: "municipal stock (with delivery teams)"],
        "plan.lever.homeUnit": [.ja: "患者宅への事前配置", .en: "units placed at homes"],
        "plan.lever.team": [.ja: "配送班", .en: "delivery teams"],
        "plan.lever.contact": [.ja: "安否確認の件数", .en: "safety calls"],
        "plan.lever.bed": [.ja: "後方支援病床", .en: "backup beds"],
        "plan.lever.tier": [.ja: "BCPの段階", .en: "BCP tier"],
        "plan.why.notApplicable": [.ja: "このシナリオでは適用できない（病院がない、すでに地域BCP等）", .en: "does not apply here (no hospital in reach, already regional, and the like)"],
        "plan.why.noStock": [
            .ja: "備蓄電源がないため配送班だけでは効果がない（備蓄と配送班の組「区市町村の備蓄電源」を検討）",
            .en: "no stock to carry, so teams alone cannot help (the stock-with-teams change brings both)",
        ],
        "plan.why.noGain": [.ja: "試したが減少なし（この指標では効果が出ない）", .en: "tried, no reduction of this measure"],
        "plan.why.overBudget": [.ja: "予算の残りを超える", .en: "more than the budget left"],
        "plan.prices.intro": [
            .ja: "費用はこの単価で数えます。都の補助率は登録簿の事業のもので、予算は区市町村負担（費用－都の補助）で数えます。仮定の単価は、区市町村の実際の見積もりで置き換えてください（--prices）。",
            .en: "Costs are counted at these prices. Tokyo's share is the registry program's rate; the budget counts the municipality's share (cost minus Tokyo's share). Replace the assumed prices with the municipality's own quotes (--prices).",
        ],
        "plan.share.none": [.ja: "なし", .en: "none"],
        "plan.item.unit": [.ja: "電源1台（{0}）", .en: "one unit ({0})"],
        "plan.item.team": [.ja: "配送班1班", .en: "one delivery team"],
        "plan.item.contact": [.ja: "安否確認1時間あたり1件増（事業者または区市町村1か所）", .en: "one more safety call an hour (one provider or municipality)"],
        "plan.item.bed": [.ja: "後方支援病床1床", .en: "one backup bed"],
        "plan.item.tier-step": [.ja: "事業者1か所のBCPを1段階", .en: "one BCP tier step of one provider"],
        "plan.item.regional-bcp": [.ja: "区市町村の地域BCP", .en: "a municipality's regional BCP"],
        "plan.source.published.unit": [
            .ja: "区市の補助基準額（中央区・江東区・豊島区・青梅市・町田市）、都1/2（在宅人工呼吸器使用者療養支援事業）",
            .en: "the subsidy base wards and cities apply (Chuo, Koto, Toshima, Ome, Machida); Tokyo 1/2 (ventilator program)",
        ],
        "plan.source.given": [.ja: "指定の単価（--prices）", .en: "the price given (--prices)"],
        "plan.source.assumption": [.ja: "仮定（資料に金額なし。--prices で置き換え可）", .en: "assumption (no amount in the sources; replace with --prices)"],
        "plan.method.greedy": [
            .ja: "貪欲法：毎回、残りの予算で買える対策のうち、区市町村負担1円あたりの減少が最大のものを選び、シミュレーションで評価し直します（最大{0}手）。",
            .en: "Greedy: at each turn, the change with the largest reduction per yen of municipal cost among those the budget left can pay, re-evaluated by simulation (at most {0} changes).",
        ],
        "plan.method.seeds": [
            .ja: "どの評価も同じ{0}通りの乱数系列（停電の復旧、事業所の電源、世帯の行動）で行い、一つの偶然で決まらないようにしています。",
            .en: "Every evaluation runs the same {0} seeds (restoration draws, provider sites' power, households' plans), so one lucky draw does not decide.",
        ],
        "plan.method.net": [
            .ja: "予算は区市町村負担で数えます。後方支援病床は開始3年間都10/10ですが、4年目以降の1/2で数えます。",
            .en: "The budget counts the municipality's share. Backup beds are 10/10 from Tokyo for three years; the plan counts the 1/2 from year four.",
        ],
        "plan.method.limits": [
            .ja: "限界：貪欲法は最適とは限りません。前の評価で効果がなかった対策は評価し直さないため、組み合わせて初めて効く対策を見落とすことがあります。",
            .en: "Limits: greedy is not always optimal. A change that showed no reduction is not tried again, so a change that only helps together with another can be missed.",
        ],
        "plan.method.docs": [
            .ja: "方法、限界、全数探索との比較は docs/PLAN.md（bcpsim に同梱）にあります。",
            .en: "The method, its limits and a comparison with exhaustive search: docs/PLAN.md (comes with bcpsim).",
        ],
        "plan.csv.amount": [.ja: "数量", .en: "Amount"],
        "plan.csv.teams": [.ja: "付随する配送班", .en: "Teams that came with the units"],
        "plan.csv.reductionMean": [.ja: "減少量の平均（{0}、分または人）", .en: "Mean reduction ({0}, minutes or patients)"],
        "plan.csv.p5": [.ja: "減少量5%点", .en: "Reduction, 5th percentile"],
        "plan.csv.p50": [.ja: "減少量50%点", .en: "Reduction, median"],
        "plan.csv.p95": [.ja: "減少量95%点", .en: "Reduction, 95th percentile"],
        "plan.csv.afterMean": [.ja: "この手の後の平均（{0}）", .en: "Mean after this change ({0})"],
        "plan.terminal.wrote": [.ja: "{0}個のファイルを{1}に書きました（{2}を開いてください）", .en: "wrote {0} files to {1} (open {2})"],
    ]

    /// `table`'s label, else `Labels.text` (which shows a missing key as ⟦key⟧).
    public static func text(_ key: String, _ lang: Language, args: [String]) -> String {
        guard var s = table[key]?[lang] else { return Labels.text(key, lang, args: args) }
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }
}
