import Foundation

/// Output language of a report.
public enum Lang: String, Sendable, CaseIterable {
    case ja, en
}

/// Every label the reports print, in one table keyed by a string, with both languages.
/// `{0}`, `{1}`... are replaced by the arguments of `text(_:_:_:)`. A test checks that every key
/// has both languages and that no report prints a missing key (shown as ⟦key⟧).
///
/// Add a report's labels under its own key prefix ("allocation.", "shortfall.", ...); shared
/// words (items, levels, yen columns) live under "common.".
public enum Labels {
    public static let table: [String: [Lang: String]] = [
        // Shared words.
        "common.item.generator": [.ja: "発電機", .en: "Generators"],
        "common.item.battery": [.ja: "蓄電池", .en: "Batteries"],
        "common.item.ups": [.ja: "UPS", .en: "UPS"],
        "common.item.generator.long": [.ja: "自家発電装置", .en: "generator"],
        "common.item.battery.long": [.ja: "蓄電池（ポータブル電源等）", .en: "battery / portable power station"],
        "common.item.ups.long": [.ja: "無停電電源装置（UPS）", .en: "uninterruptible power supply (UPS)"],
        "common.col.code": [.ja: "コード", .en: "Code"],
        "common.col.municipality": [.ja: "区市町村", .en: "Municipality"],
        "common.col.area": [.ja: "二次保健医療圏", .en: "Secondary medical area"],
        "common.col.level": [.ja: "区分", .en: "Level"],
        "common.col.population": [.ja: "人口", .en: "Population"],
        "common.col.populationDate": [.ja: "人口基準日", .en: "Population date"],
        "common.col.rank": [.ja: "順位", .en: "Rank"],
        "common.col.tokyo": [.ja: "都補助（1/2）", .en: "Tokyo subsidy (1/2)"],
        "common.col.municipal": [.ja: "区市町村負担", .en: "Municipal share"],
        "common.col.units": [.ja: "台数", .en: "Units"],
        "common.level.municipality": [.ja: "区市町村", .en: "municipality"],
        "common.level.area": [.ja: "二次保健医療圏", .en: "secondary area"],
        "common.level.total": [.ja: "東京都計", .en: "Tokyo total"],
        "common.tokyoTotal": [.ja: "東京都 計", .en: "Tokyo total"],
        "common.noPatientData": [.ja: "患者データなし", .en: "no patient data"],
        "common.synthetic": [.ja: "合成データ（実在の人物・事業所ではありません）", .en: "synthetic data (no real people or providers)"],
        "common.yenSuffix": [.ja: "{0}（円）", .en: "{0} (yen)"],

        // bcpsim allocation.
        "allocation.title": [
            .ja: "在宅人工呼吸器使用者療養支援事業 配分チェック（人口{0}人あたり各品目1台の基準）",
            .en: "Allocation check: home ventilator users' support program (one unit of each item per {0} residents)",
        ],
        "allocation.param.scenario": [.ja: "シナリオ", .en: "Scenario"],
        "allocation.param.builtin": [
            .ja: "内蔵の東京都区市町村表（シナリオ指定なし：保有台数・患者データなし）",
            .en: "built-in table of Tokyo's municipalities (no scenario: no units held, no patient data)",
        ],
        "allocation.param.rounding": [.ja: "端数処理", .en: "Rounding rule"],
        "allocation.rounding.floor": [
            .ja: "floor（切り捨て：{0}人に満たない端数は数えない。人口{0}人未満の町村は0台）",
            .en: "floor (whole {0}s only; a municipality under {0} residents gets 0)",
        ],
        "allocation.rounding.ceil": [
            .ja: "ceil（切り上げ：端数があれば1台を加える）",
            .en: "ceil (any started {0} counts as a unit)",
        ],
        "allocation.rounding.nearest": [
            .ja: "nearest（四捨五入：端数がちょうど半分（{1}人）以上なら切り上げ）",
            .en: "nearest (to the nearest unit; a remainder of exactly half, {1} residents, rounds up)",
        ],
        "allocation.rounding.floor-min1": [
            .ja: "floor-min1（切り捨て、ただし住民がいる区市町村は最低1台）",
            .en: "floor-min1 (whole {0}s, but at least one unit for any municipality with residents)",
        ],
        "allocation.param.target": [.ja: "目標時間", .en: "Target reserve"],
        "allocation.target.value": [
            .ja: "{0}時間（既定72時間：日本ALS協会が勧める3日以上の備え）",
            .en: "{0} hours (default 72 h: the Japan ALS Association's at least 3 days of backup)",
        ],
        "allocation.param.devices": [.ja: "対象患者", .en: "Patients counted"],
        "allocation.devices.ventilator": [.ja: "在宅人工呼吸器使用者（TPPV・NPPV）", .en: "home ventilator users (TPPV, NPPV)"],
        "allocation.devices.all": [.ja: "シナリオの全患者（酸素濃縮器・吸引器等を含む）", .en: "all the scenario's patients (oxygen, suction and other devices included)"],
        "allocation.param.needRule": [.ja: "必要台数の算定", .en: "Need rule"],
        "allocation.needRule.text": [
            .ja: "自己備蓄（内部・外部バッテリー＋自家用発電機）が目標時間に満たない患者ごとに、不足時間の消費電力量（不足分×消費電力W×1日の使用時間÷24、Wh切り上げ）を{0}Whの蓄電池の台数に換算（切り上げ）。保有発電機は1台で患者1人の不足をすべて賄うとみなし、必要台数の多い患者から順に割り当てる。UPSは切替用のため算入しない。",
            .en: "For each patient whose own reserve (internal and external batteries plus own generator) is below the target: energy over the deficit (deficit hours x draw W x hours of use per day / 24, Wh rounded up) in batteries of {0} Wh (rounded up). A held generator covers one patient's whole deficit and goes to the patients needing the most batteries first. UPS units (switch-over bridges) are not counted.",
        ],
        "allocation.param.prices": [.ja: "単価", .en: "Unit prices"],
        "allocation.prices.value": [
            .ja: "発電機 {0}、蓄電池 {1}、UPS {2}（既定値は中央区・江東区・豊島区・青梅市・町田市の助成基準額）",
            .en: "generator {0}, battery {1}, UPS {2} (defaults: the subsidy base amounts of Chuo, Koto, Toshima, Ome and Machida)",
        ],
        "allocation.param.subsidy": [.ja: "補助", .en: "Subsidy"],
        "allocation.subsidy.value": [
            .ja: "都補助1/2：1台あたり単価の1/2（1円未満切り捨て、端数は区市町村負担）。補助は基準台数まで、超える分は全額区市町村負担。",
            .en: "Tokyo pays 1/2: half the unit price per unit, rounded down to the yen (the odd yen stays with the municipality). Only units up to the standard are subsidized; units beyond it are paid wholly by the municipality.",
        ],
        "allocation.param.held": [.ja: "保有台数", .en: "Units held"],
        "allocation.held.scenario": [.ja: "シナリオの units.csv のうち区市町村所有のもの", .en: "units in the scenario's units.csv owned by the municipality"],
        "allocation.held.stock": [.ja: "在庫ファイル {0}", .en: "stock file {0}"],
        "allocation.held.none": [.ja: "なし（全区市町村0台）", .en: "none (every municipality holds 0)"],
        "allocation.param.data": [.ja: "データ", .en: "Data"],

        "allocation.section.standard": [.ja: "基準台数と保有台数", .en: "Standard and units held"],
        "allocation.section.need": [.ja: "実際の必要台数（患者の備えから）", .en: "Actual need (from patients' own reserve)"],
        "allocation.section.costStandard": [.ja: "基準台数までの不足を解消する費用", .en: "Cost of reaching the standard"],
        "allocation.section.costNeed": [.ja: "必要台数に対する不足を解消する費用（蓄電池）", .en: "Cost of closing the need gap (batteries)"],
        "allocation.section.ranking": [.ja: "必要台数に対する不足の大きい順", .en: "Ranking: largest need gap first"],
        "allocation.sub.municipalities": [.ja: "区市町村別", .en: "By municipality"],
        "allocation.sub.areas": [.ja: "二次保健医療圏別・東京都計", .en: "By secondary medical area, and Tokyo"],

        "allocation.col.standard": [.ja: "基準台数（各品目）", .en: "Standard (each item)"],
        "allocation.col.standardOf": [.ja: "{0} 基準台数", .en: "{0}: standard"],
        "allocation.col.heldOf": [.ja: "{0} 保有台数", .en: "{0} held"],
        "allocation.col.diffOf": [.ja: "{0} 過不足", .en: "{0} +/-"],
        "allocation.col.shortOf": [.ja: "{0} 不足", .en: "{0} short"],
        "allocation.col.excessOf": [.ja: "{0} 超過", .en: "{0} excess"],
        "allocation.col.patients": [.ja: "対象患者数", .en: "Patients"],
        "allocation.col.belowTarget": [.ja: "目標未満の患者", .en: "Below target"],
        "allocation.col.batteriesNeeded": [.ja: "必要台数（蓄電池換算）", .en: "Batteries needed"],
        "allocation.col.patientsOnGenerators": [.ja: "保有発電機を割り当てる患者", .en: "Patients on held generators"],
        "allocation.col.coveredByGenerators": [.ja: "保有発電機で充足（蓄電池換算）", .en: "Covered by held generators (batteries)"],
        "allocation.col.needGap": [.ja: "必要台数に対する不足", .en: "Need gap (batteries)"],
        "allocation.col.standardShort": [.ja: "基準台数では不足", .en: "Standard short of need"],
        "allocation.col.standardSpare": [.ja: "基準台数の余り", .en: "Standard beyond need"],
        "allocation.col.verdict": [.ja: "基準の評価", .en: "Standard vs need"],
        "allocation.col.municipalitiesUnder": [.ja: "基準が不足する区市町村数", .en: "Municipalities where the standard falls short"],
        "allocation.col.costOf": [.ja: "{0} 費用", .en: "{0} cost"],
        "allocation.col.costTotal": [.ja: "費用 計", .en: "Total cost"],
        "allocation.col.subsidizedUnits": [.ja: "うち補助対象台数", .en: "of which subsidized"],
        "allocation.col.costStandardTotal": [.ja: "基準までの費用 計", .en: "Cost to standard: total"],
        "allocation.col.costStandardTokyo": [.ja: "基準までの費用 都補助（1/2）", .en: "Cost to standard: Tokyo subsidy (1/2)"],
        "allocation.col.costStandardMunicipal": [.ja: "基準までの費用 区市町村負担", .en: "Cost to standard: municipal share"],
        "allocation.col.costNeedUnits": [.ja: "必要台数不足 蓄電池台数", .en: "Need gap: batteries"],
        "allocation.col.costNeedSubsidized": [.ja: "必要台数不足 うち補助対象台数", .en: "Need gap: of which subsidized"],
        "allocation.col.costNeedTotal": [.ja: "必要台数不足の費用 計", .en: "Need gap cost: total"],
        "allocation.col.costNeedTokyo": [.ja: "必要台数不足の費用 都補助（1/2）", .en: "Need gap cost: Tokyo subsidy (1/2)"],
        "allocation.col.costNeedMunicipal": [.ja: "必要台数不足の費用 区市町村負担", .en: "Need gap cost: municipal share"],
        "allocation.col.rounding": [.ja: "端数処理", .en: "Rounding rule"],
        "allocation.col.targetHours": [.ja: "目標時間（時間）", .en: "Target hours"],
        "allocation.col.batteryWh": [.ja: "蓄電池容量（Wh）", .en: "Battery capacity (Wh)"],
        "allocation.col.priceOf": [.ja: "{0} 単価（円）", .en: "{0} price (yen)"],
        "allocation.col.devices": [.ja: "対象患者", .en: "Patients counted"],

        "allocation.verdict.under": [.ja: "基準では不足", .en: "under-provides"],
        "allocation.verdict.over": [.ja: "基準が上回る", .en: "over-provides"],
        "allocation.verdict.matches": [.ja: "基準と一致", .en: "matches"],
        "allocation.verdict.withDiff": [.ja: "{0}（差 {1}）", .en: "{0} ({1})"],
        "allocation.verdict.aggregate": [.ja: "{0}/{1}区市町村で基準では不足（差 {2}）", .en: "under-provides in {0} of {1} (net {2})"],

        "allocation.note.diff": [
            .ja: "過不足＝保有台数−基準台数（マイナスは不足）。基準台数は発電機・蓄電池・UPSの各品目に同じ数。",
            .en: "+/- = held - standard (negative = short). The standard is the same number for each item: generator, battery, UPS.",
        ],
        "allocation.note.sums": [
            .ja: "二次保健医療圏と東京都の行は区市町村の行の合計（区市町村の間で融通しない前提）。",
            .en: "Area and Tokyo rows are sums of their municipalities' rows (units are not pooled between municipalities).",
        ],
        "allocation.note.noPatientData": [
            .ja: "患者データがないため、必要台数の列は「患者データなし」です。シナリオを指定すると算定します。",
            .en: "There is no patient data, so the need columns say \"no patient data\". Give a scenario to compute them.",
        ],
        "allocation.note.noRanking": [
            .ja: "患者データがないため、順位は付けていません。",
            .en: "There is no patient data, so there is no ranking.",
        ],
        "allocation.note.verdict": [
            .ja: "基準の評価：基準台数の発電機・蓄電池を同じ規則で患者に割り当てたとき、不足が残れば「基準では不足」、余れば「基準が上回る」。",
            .en: "Standard vs need: the standard's generators and batteries handed out under the same rule; any need left over means it under-provides, units left over mean it over-provides.",
        ],
        "allocation.note.ranking": [
            .ja: "必要台数に対する不足（蓄電池台数）の大きい順、同数はコード順。",
            .en: "Largest need gap (batteries) first; ties by code.",
        ],
    ]

    /// The label for `key` in `lang`, with {0}, {1}... replaced by `args`. A missing key or
    /// language shows as ⟦key⟧ so that tests (and readers) see it at once.
    public static func text(_ key: String, _ lang: Lang, _ args: String...) -> String { text(key, lang, args: args) }

    public static func text(_ key: String, _ lang: Lang, args: [String]) -> String {
        guard var s = table[key]?[lang] else { return "⟦\(key)⟧" }
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }

    /// Keys missing a language or with an empty text, sorted (for the completeness test).
    public static var incompleteKeys: [String] {
        table.keys.filter { k in Lang.allCases.contains { (table[k]?[$0] ?? "").isEmpty } }.sorted()
    }
}
