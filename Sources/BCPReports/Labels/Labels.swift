import BCPAnalysis
import Foundation
import BCPSimulator
import BCPText

/// Every label the reports print, in one table keyed by a string, with both languages.
/// `{0}`, `{1}`... are replaced by the arguments of `text(_:_:_:)`. A test checks that every key
/// has both languages and that no report prints a missing key (shown as ⟦key⟧).
///
/// Add a report's labels under its own key prefix ("allocation.", "shortfall.", ...); shared
/// words (items, levels, yen columns) live under "common.".
public enum Labels {
    public static let table: [String: [Language: String]] = base.merging(WorkshopLabels.table) { base, _ in base }
        .merging(BacktestLabels.table) { base, _ in base }

    static let base: [String: [Language: String]] = [
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


        // The one disclosure policy (Disclosure/), as every page states it.
        "disclosure.line.protected": [
            .ja: "個人が特定されないよう、{1}人未満の数は「{0}」のように範囲で示しています（0人はそのまま）。合計からの引き算で分からないよう、ほかの数も10人幅の範囲で示すことがあります。",
            .en: "So that no one can be identified, counts under {1} are shown as the band \"{0}\" (0 as 0); where a total would give one away, another count is shown as a band of ten.",
        ],
        "disclosure.line.synthetic": [
            .ja: "合成データ（実在の人物・事業所ではありません）のため、すべての数をそのまま示しています。実データでは、10人未満の数は範囲で示します。",
            .en: "Synthetic data (no real people or providers), so every figure is shown as it is. With real data, counts under 10 are shown as bands.",
        ],
        "disclosure.line.restricted": [
            .ja: "【取扱注意】秘匿処理をしていない数です。公開・配布しないでください。",
            .en: "RESTRICTED: figures are not suppressed. Do not publish or circulate.",
        ],
        "disclosure.line.none": [.ja: "少数の秘匿はしていません（しきい値1）。", .en: "No small-count suppression (threshold 1)."],
        "disclosure.param.protected": [
            .ja: "1人以上{1}人未満の数は「{0}」と表示。引き算で分からないよう一部の数は10人幅の範囲で表示。時間は{1}人未満の患者のものを「x」と表示。",
            .en: "counts from 1 to below {1} shown as \"{0}\"; some others as a band of ten so that none can be worked out by subtraction; hours of fewer than {1} patients shown as \"x\".",
        ],
        "disclosure.param.synthetic": [
            .ja: "なし（合成データ。--suppress 10 で実データと同じ秘匿処理）",
            .en: "none (synthetic data; --suppress 10 applies the rule for real data)",
        ],
        "disclosure.param.restricted": [.ja: "なし（取扱注意）", .en: "none (RESTRICTED)"],
        "disclosure.param.none": [.ja: "なし（しきい値1）", .en: "none (threshold 1)"],
        "disclosure.note.protected": [
            .ja: "少数の秘匿：患者データから公表する数は、厚生労働省の匿名レセプト情報等の提供に関するガイドラインの「最小集計単位の原則」にならい、1人以上{1}人未満の数を示しません。そうした数は「{0}」（{1}人未満）と範囲で表示し、0人は0と表示します。行や列の合計から引き算で範囲の数が1つに決まってしまう場合は、同じ合計のほかの数を10人幅の範囲（例「{2}」）で示し、それでも足りない場合だけ「x」とします。東京都計は範囲にする以外の秘匿をしません。{1}人未満の患者の時間・平均・最長・最初の時刻は「x」です。",
            .en: "Small counts: following the \"minimum aggregation unit\" rule of Japan's Ministry of Health, Labour and Welfare guideline for publishing results from anonymised claims data, no published figure counts 1 to {1} - 1 patients. Such a count is shown as the band \"{0}\" (under {1}); 0 is shown as 0. Where a row or column total would pin a band to one value by subtraction, another count of that total is shown as a band of ten (e.g. \"{2}\"), and only if that is not enough as \"x\". Tokyo totals are never hidden beyond a band. Hours, means, longest gaps and first times of fewer than {1} patients are \"x\".",
        ],
        "disclosure.note.synthetic": [
            .ja: "少数の秘匿：合成データのため行っていません。実データ（scenario.json の synthetic が false）では、1人以上10人未満の数を範囲「1～9」で示し、合計からの引き算で分からないよう一部の数を10人幅の範囲で示します（--suppress 10 を付けると、このデータでも同じ処理で出力できます）。",
            .en: "Small counts: not suppressed, as the data are synthetic. With real data (synthetic false in scenario.json), counts from 1 to 9 are shown as the band \"1–9\" and some others as bands of ten so that none can be worked out by subtraction (--suppress 10 renders this data the same way).",
        ],
        "map.inHTML": [.ja: "地図は {0} にあります。", .en: "The map is in {0}."],
        "map.islands": [.ja: "島しょ部（各島を枠ごとの縮尺で表示）", .en: "Islands (each box at its own scale)"],
        "shortfall.map.title": [.ja: "電源が途絶えた患者（人口1万人あたり）", .en: "Patients left without power per 10,000 residents"],
        "shortfall.map.caption": [
            .ja: "区市町村別、人口1万人あたりの未充足患者（電源のない時間が1分でもあった患者）。斜線は範囲で示した数が2つの区分にまたがるか秘匿した区市町村。",
            .en: "Uncovered patients (at least one minute without power) per 10,000 residents, by municipality. Hatched: a count shown as a band that spans two classes, or withheld.",
        ],
        "shortfall.map.orMore": [.ja: "{0}以上", .en: "{0} or more"],
        "shortfall.map.hidden": [.ja: "範囲が区分をまたぐ・秘匿", .en: "band spans classes, or withheld"],
        "shortfall.map.none": [.ja: "停電した患者なし", .en: "no patient lost power"],
        "shortfall.map.tip": [.ja: "{0}：未充足 {1}人（人口1万人あたり{2}人）", .en: "{0}: {1} uncovered ({2} per 10,000 residents)"],
        "shortfall.map.tipNone": [.ja: "{0}：停電した患者なし", .en: "{0}: no patient lost power"],
        "shortfall.section.remedies": [.ja: "まず取り組むこと（再計算で確かめた対策）", .en: "What to do first (tested by rerunning)"],
        "shortfall.remedies.intro": [
            .ja: "未充足の患者が多い区市町村ごとに、1か所の変更で最も多く解消した対策。費用は電源の単価から、財源は都の事業台帳から。詳しくは「何があれば防げたか」。",
            .en: "For the municipalities with most uncovered patients, the single change that covered most of them, with its cost (units only) and the Tokyo program that funds it. Details under \"What would have closed the gap\".",
        ],
        "shortfall.remedies.cost": [.ja: "{0}（うち都補助{1}）", .en: "{0} (Tokyo subsidy {1})"],
        "shortfall.remedies.item": [
            .ja: "{0}（未充足 {1}人）：{2} → {3}人。費用 {4}。財源 {5}",
            .en: "{0} ({1} uncovered): {2} → {3}. Cost: {4}. Funded by {5}",
        ],
        "shortfall.subtitle": [.ja: "{0}｜乱数シード{1}｜想定期間{2}時間（{3}日）", .en: "{0} | seed {1} | horizon {2} h ({3} days)"],
        "shortfall.subtitle.replicas": [.ja: "｜反復{0}回", .en: " | {0} replicas"],
        "shortfall.col.spread": [.ja: "p5 / p95（{0}回の反復）", .en: "p5 / p95 ({0} replicas)"],
        "shortfall.headline.oneRun": [
            .ja: "1回の実行の結果です。乱数によるばらつき（p5 / p95）は --replicas N で実行すると表示されます。",
            .en: "One run. Run with --replicas N to see the spread over random draws (p5 / p95).",
        ],
        "shortfall.chart.hiddenParts": [.ja: "（斜線：{0}）", .en: " (hatched: {0})"],
        "shortfall.note.timelineZero": [
            .ja: "停電中の患者も電源のない患者もいない{0}時点は省略。",
            .en: "{0} points with nobody off the grid or without power are left out.",
        ],


        // CSV headers (every bcpsim CSV has its header row in the report's language).
        "csv.flag": [.ja: "{0}：範囲・秘匿", .en: "{0}: band / withheld"],
        "csv.col.key": [.ja: "キー", .en: "Key"],
        "csv.col.minute": [.ja: "経過時間（分）", .en: "Minute"],
        "csv.col.municipalities": [.ja: "区市町村数", .en: "Municipalities"],
        "csv.col.patients": [.ja: "患者", .en: "Patients"],
        "csv.col.affected": [.ja: "停電", .en: "Lost power"],
        "csv.col.atRisk": [.ja: "外部の支援", .en: "Outside help"],
        "csv.col.ownMeans": [.ja: "自前で充足", .en: "Covered by own means"],
        "csv.col.selfHelp": [.ja: "自力で充足", .en: "Covered by self-help"],
        "csv.col.harmed": [.ja: "許容時間を超えた患者", .en: "Beyond tolerance"],
        "csv.col.beyondToleranceMinutes": [.ja: "許容時間超過（分）", .en: "Minutes beyond tolerance"],
        "csv.col.admitted": [.ja: "入院", .en: "Admitted"],
        "csv.col.admittedPlanned": [.ja: "うち計画入院", .en: "Admitted: planned"],
        "csv.col.admittedFamily": [.ja: "うち家族が搬送", .en: "Admitted: taken by family"],
        "csv.col.emergency": [.ja: "うち救急受診", .en: "Admitted: emergency presentation"],
        "csv.col.byUnit": [.ja: "配送で充足", .en: "Covered by a delivery"],
        "csv.col.evacuated": [.ja: "入院で充足", .en: "Covered by admission"],
        "csv.col.uncovered": [.ja: "未充足", .en: "Uncovered"],
        "csv.col.gapMinutes": [.ja: "電源なし（分）", .en: "Minutes without power"],
        "csv.col.detected": [.ja: "把握された患者", .en: "Detected"],
        "csv.col.meanDelay": [.ja: "把握までの平均（分）", .en: "Mean minutes to detection"],
        "csv.col.unitsDelivered": [.ja: "この地域に住む患者に届いた電源（台）", .en: "Units delivered to patients living here"],
        "csv.col.bedsUsed": [.ja: "この地域に住む患者が使った後方支援病床", .en: "Backup beds used by patients living here"],
        "csv.col.unitsHeld": [.ja: "地域内の電源（区市町村の備蓄と事業所の貸出用、台）", .en: "Units in the municipality (municipal stock and providers' lending units)"],
        "csv.col.deliveryTeams": [.ja: "地域内の配送班", .en: "Delivery teams based here"],
        "csv.col.backupBeds": [.ja: "地域内の病院の後方支援病床", .en: "Backup beds at hospitals here"],
        "csv.col.whatif.change": [.ja: "変更", .en: "Change"],
        "csv.col.whatif.amount": [.ja: "変更の量", .en: "Amount"],
        "csv.col.whatif.after": [.ja: "変更後の未充足", .en: "Uncovered after"],
        "csv.col.whatif.gapAfter": [.ja: "変更後の電源なし（分）", .en: "Minutes without power after"],
        "csv.col.whatif.coversAll": [.ja: "すべて解消", .en: "Covers all"],
        "csv.col.whatif.cost": [.ja: "費用（円）", .en: "Cost (yen)"],
        "csv.col.whatif.tokyo": [.ja: "うち都補助（円）", .en: "Tokyo subsidy (yen)"],
        "csv.col.whatif.programs": [.ja: "事業ID", .en: "Program ids"],
        "csv.col.whatif.rates": [.ja: "補助率", .en: "Subsidy rates"],
        "csv.col.whatif.answer": [.ja: "報告した変更", .en: "Reported change"],
        "csv.lever.unit": [.ja: "区市町村の電源の追加（台、運ぶ配送班を4台に1班まで含む）", .en: "Municipal stock units added (with delivery teams up to one per 4 units)"],
        "csv.lever.homeUnit": [.ja: "患者宅への電源の事前配置（台）", .en: "Units placed at patients' homes in advance"],
        "csv.lever.team": [.ja: "区市町村の配送班の追加（班）", .en: "Municipal delivery teams added"],
        "csv.lever.contact": [.ja: "安否確認の増加（1時間あたり件）", .en: "Safety calls added per hour"],
        "csv.lever.bed": [.ja: "後方支援病床の追加（床）", .en: "Backup beds added"],
        "csv.lever.tier": [.ja: "担当事業者のBCPの引き上げ（段階）", .en: "Providers' BCP raised (tiers)"],


        // The terminal lines of the commands.
        "terminal.run.title": [.ja: "{0}｜乱数シード{1}｜{2}｜想定期間{3}時間", .en: "{0} | seed {1} | {2} | horizon {3} h"],
        "terminal.run.longest": [.ja: "最も長く電源がなかった患者（時間）", .en: "Longest time without power (hours)"],
        "terminal.run.replicas": [
            .ja: "p5 / p95：乱数シードを変えた{0}回の実行の5・95パーセンタイル。表は1回目の結果。",
            .en: "p5 / p95: 5th and 95th percentiles over {0} runs with different seeds; the tables are those of the first run.",
        ],

        "terminal.workshop.tier": [
            .ja: "{0}：電源のない時間が生じた患者 {1}人、電源のない時間 {2}時間、届いた電源 {3}台、後方支援病床 {4}床",
            .en: "{0}: uncovered {1}, hours without power {2}, units {3}, beds {4}",
        ],
        "terminal.workshop.injects": [.ja: "状況付与 {0}件（{1}から）", .en: "{0} injects from the run under {1}"],
        "terminal.compare": [.ja: "未充足 {0} → {1}、電源のない時間 {2} → {3}時間", .en: "uncovered {0} -> {1}; hours without power {2} -> {3}"],
        "terminal.files.wrote": [.ja: "{1} に {0} を書きました。", .en: "wrote {0} to {1}"],
        "terminal.allocation.wrote": [
            .ja: "{1} に {0} を書きました（端数処理 {2}、目標{3}時間、{4}）。",
            .en: "wrote {0} to {1} (rounding {2}, target {3} h, {4})",
        ],
        "terminal.wrote": [
            .ja: "{1}に{0}ファイルを書きました（うち{2}ファイルは患者IDを含む取扱注意で {1}/restricted/ に）。{1}/summary.html を開いてください。",
            .en: "wrote {0} files to {1} ({2} restricted, with patient ids, in {1}/restricted/; open {1}/summary.html)",
        ],

        // restricted/patients.csv.
        "restricted.col.priority": [.ja: "優先順位", .en: "Priority"],
        "restricted.col.patientId": [.ja: "患者ID", .en: "Patient id"],
        "restricted.col.municipality": [.ja: "区市町村コード", .en: "Municipality code"],
        "restricted.col.municipalityName": [.ja: "区市町村", .en: "Municipality"],
        "restricted.col.area": [.ja: "二次保健医療圏", .en: "Secondary medical area"],
        "restricted.col.provider": [.ja: "事業所", .en: "Provider"],
        "restricted.col.tier": [.ja: "BCPの区分（キー）", .en: "BCP tier (key)"],
        "restricted.col.device": [.ja: "医療機器（キー）", .en: "Device (key)"],
        "restricted.col.ownReserve": [.ja: "自前の備え（分）", .en: "Own reserve (minutes)"],
        "restricted.col.firstOutage": [.ja: "停電開始（分）", .en: "First outage (minute)"],
        "restricted.col.depletion": [.ja: "備えが尽きる（分）", .en: "Own power runs out (minute)"],
        "restricted.col.detection": [.ja: "把握（分）", .en: "Found (minute)"],
        "restricted.col.detectionChannel": [.ja: "把握の経路（キー）", .en: "Found by (key)"],
        "restricted.col.firstHelp": [.ja: "最初の支援（分）", .en: "First help (minute)"],
        "restricted.col.help": [.ja: "支援（電源ID、bed:病院）", .en: "Help (unit ids, bed:hospital)"],
        "restricted.col.outcome": [.ja: "結果（キー）", .en: "Outcome (key)"],
        "restricted.col.gap": [.ja: "電源なし（分）", .en: "Minutes without power"],
        "restricted.col.restoration": [.ja: "復旧（分）", .en: "Grid back (minute)"],
        "restricted.col.shortfall": [.ja: "不足の理由（キー）", .en: "Shortfall reasons (keys)"],

        // bcpsim allocation.
        "allocation.title": [
            .ja: "在宅人工呼吸器使用者療養支援事業 配分チェック（人口{0}人あたり各品目1台の基準）",
            .en: "Allocation check: home ventilator users' support program (one unit of each item per {0} residents)",
        ],
        "allocation.section.map": [.ja: "地図：基準台数に対する保有", .en: "Map: units held against the standard"],
        "allocation.map.title": [.ja: "基準台数に対する保有台数（3品目の合計）", .en: "Units held against the standard (three items together)"],
        "allocation.map.caption": [
            .ja: "区市町村別、基準台数（発電機・蓄電池・UPSの各品目）に対する保有台数の割合（品目ごとに基準を上限として数え、3品目を合計）。",
            .en: "Units held as a share of the standard, by municipality (each item counted up to its standard; generators, batteries and UPS together).",
        ],
        "allocation.map.none": [.ja: "保有なし", .en: "none held"],
        "allocation.map.underHalf": [.ja: "基準の半分未満", .en: "under half the standard"],
        "allocation.map.half": [.ja: "半分以上・基準未満", .en: "half or more, below the standard"],
        "allocation.map.full": [.ja: "基準以上", .en: "the standard or more"],
        "allocation.map.noStandard": [.ja: "基準なし（人口0）", .en: "no standard (no residents)"],
        "allocation.map.tip": [.ja: "{0}：保有／基準 {1}", .en: "{0}: held / standard: {1}"],
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

        "allocation.section.answer": [.ja: "要点", .en: "In short"],
        "allocation.answer.standard": [
            .ja: "{0}区市町村の基準台数は合計で各品目{1}台（人口25,000人あたり1台）。区市町村の保有は発電機{2}台・蓄電池{3}台・UPS{4}台で、基準に満たない分をそろえる費用は{5}（うち都補助{6}）。",
            .en: "The standard for the {0} municipalities is {1} of each item in all (one per 25,000 residents). Units held: generators {2}, batteries {3}, UPS {4}. Bringing every municipality up to the standard costs {5} ({6} of it from Tokyo's subsidy).",
        ],
        "allocation.answer.need": [
            .ja: "患者の備えから見た必要：対象患者{0}人のうち、自己備蓄が目標{1}時間に満たない患者は{2}人、必要な蓄電池は{3}台、保有で賄えない不足は{4}台。",
            .en: "The need, from the patients' own reserves: of {0} patients, {2} have less than the {1}-hour target; they need {3} batteries, of which {4} are not covered by the units held.",
        ],
        "allocation.answer.under": [
            .ja: "基準台数をそろえても必要に足りない区市町村は{0}（{1}のうち）：{2}。",
            .en: "In {0} of {1} municipalities even the standard would not meet the need: {2}.",
        ],
        "allocation.answer.more": [.ja: "ほか{0}", .en: " and {0} more"],
        "allocation.answer.noneUnder": [
            .ja: "どの区市町村でも、基準台数をそろえれば必要に足ります。",
            .en: "In every municipality the standard, once held, would meet the need.",
        ],
        "allocation.verdict.under": [.ja: "基準では不足", .en: "under-provides"],
        "allocation.verdict.over": [.ja: "基準が上回る", .en: "over-provides"],
        "allocation.verdict.matches": [.ja: "基準と一致", .en: "matches"],
        "allocation.verdict.suffices": [.ja: "基準で足りる", .en: "suffices"],
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
            .ja: "基準の評価：基準台数の発電機・蓄電池を同じ規則で患者に割り当てたとき、不足が残れば「基準では不足」、余れば「基準が上回る」、過不足なしは「基準と一致」。差（台数）を秘匿した区市町村では、「基準が上回る」と「基準と一致」をまとめて「基準で足りる」と示します（どちらかを示すと差が0かどうかが分かるため）。",
            .en: "Standard vs need: the standard's generators and batteries handed out under the same rule; any need left over means it under-provides, units left over mean it over-provides, neither that it matches. Where the difference (units) is withheld, over-provides and matches are both shown as suffices (telling them apart would tell whether the difference is 0).",
        ],
        "allocation.note.ranking": [
            .ja: "必要台数に対する不足（蓄電池台数）の大きい順、同数はコード順。",
            .en: "Largest need gap (batteries) first; ties by code.",
        ],
        // bcpsim run / report: the shortfall report (summary.md, summary.html, CSV label columns).
        "shortfall.title": [.ja: "停電時の在宅医療 不足レポート：{0}", .en: "Home medical care in a power outage, shortfall report: {0}"],
        "shortfall.param.scenario": [.ja: "シナリオ", .en: "Scenario"],
        "shortfall.param.seed": [.ja: "乱数シード", .en: "Seed"],
        "shortfall.param.replicas": [.ja: "反復回数", .en: "Replicas"],
        "shortfall.param.tier": [.ja: "BCPの区分", .en: "BCP tiers"],
        "shortfall.param.horizon": [.ja: "想定期間", .en: "Horizon"],
        "shortfall.param.horizonValue": [.ja: "{0}時間（{1}日）", .en: "{0} hours ({1} days)"],
        "shortfall.param.suppression": [.ja: "少数の秘匿", .en: "Small-count suppression"],
        "shortfall.tier.as-configured": [.ja: "シナリオの設定どおり", .en: "as configured in the scenario"],
        "shortfall.tier.none": [.ja: "BCPなし", .en: "no BCP"],
        "shortfall.tier.institutional": [.ja: "機関型BCP", .en: "institutional BCP"],
        "shortfall.tier.linked": [.ja: "連携型BCP", .en: "linked BCP"],
        "shortfall.tier.regional": [.ja: "地域BCP", .en: "regional BCP"],
        "shortfall.tier.allAt": [.ja: "すべての事業者・区市町村を「{0}」として実行", .en: "every provider and municipality played at: {0}"],
        "shortfall.device.tppv": [.ja: "人工呼吸器（TPPV・気管切開）", .en: "Ventilator (TPPV, tracheostomy)"],
        "shortfall.device.nppv": [.ja: "人工呼吸器（NPPV・マスク）", .en: "Ventilator (NPPV, mask)"],
        "shortfall.device.oxygen": [.ja: "酸素濃縮装置", .en: "Oxygen concentrator"],
        "shortfall.device.suction": [.ja: "吸引器", .en: "Suction unit"],
        "shortfall.device.feeding": [.ja: "経腸栄養ポンプ", .en: "Feeding pump"],

        "shortfall.section.headline": [.ja: "要約", .en: "Headline"],
        "shortfall.section.ensemble": [.ja: "反復によるばらつき", .en: "Spread over replicas"],
        "shortfall.section.areas": [.ja: "二次保健医療圏別", .en: "By secondary medical area"],
        "shortfall.section.municipalities": [.ja: "区市町村別", .en: "By municipality"],
        "shortfall.section.tiers": [.ja: "BCPの区分別", .en: "By BCP tier"],
        "shortfall.section.devices": [.ja: "医療機器別", .en: "By device"],
        "shortfall.section.timeline": [.ja: "電源のない患者の推移", .en: "Patients without power over time"],
        "shortfall.section.reasons": [.ja: "電源が途絶えた理由", .en: "Why patients went without power"],
        "shortfall.section.whatif": [.ja: "何があれば防げたか（再計算による）", .en: "What would have closed the gap (recomputed)"],
        "shortfall.section.funding": [.ja: "対策の財源となる都の事業", .en: "Tokyo programs that fund each remedy"],
        "shortfall.section.notes": [.ja: "注記", .en: "Notes"],

        "shortfall.headline.patients": [.ja: "対象患者", .en: "Patients"],
        "shortfall.headline.affected": [.ja: "停電した患者", .en: "Lost grid power"],
        "shortfall.headline.atRisk": [.ja: "外部の支援を受けた・必要だった患者", .en: "Helped from outside, or needed it"],
        "shortfall.headline.ownMeans": [.ja: "自前の備えで乗り切った", .en: "Covered by own means"],
        "shortfall.headline.selfHelp": [.ja: "家族の工夫（車・充電）で乗り切った", .en: "Covered by self-help (car, recharging)"],
        "shortfall.headline.harmed": [.ja: "許容時間を超えて電源が途絶えた患者", .en: "Without power beyond their device's tolerance"],
        "shortfall.headline.beyondToleranceHours": [.ja: "許容時間を超えた時間の合計（時間）", .en: "Total hours beyond tolerance"],
        "shortfall.headline.admitted": [.ja: "入院した患者（電源が途絶えた後の入院を含む）", .en: "Admitted to hospital (after a gap included)"],
        "shortfall.headline.emergency": [.ja: "うち救急受診（救急外来への搬送）", .en: "of which emergency presentations"],
        "shortfall.headline.byUnit": [.ja: "うち電源・酸素ボンベの配送で乗り切った", .en: "of which covered by a delivered unit or oxygen cylinders"],
        "shortfall.headline.evacuated": [.ja: "うち入院（後方支援病床を含む）で乗り切った", .en: "of which covered by admission to hospital (backup beds included)"],
        "shortfall.headline.uncovered": [.ja: "うち電源が途絶えた患者（未充足）", .en: "of which uncovered (some time without power)"],
        "shortfall.headline.gapHours": [.ja: "電源のない時間の合計（時間）", .en: "Total hours without power"],
        "shortfall.headline.firstDepletion": [.ja: "最初に備えが尽きる時刻", .en: "First patient runs out of own power"],
        "shortfall.headline.firstDepletionValue": [.ja: "停電開始から{0}時間後", .en: "{0} h after the start"],
        "shortfall.headline.noDepletion": [.ja: "なし（全員の備えが持った）", .en: "never (everyone's reserve lasted)"],
        "shortfall.headline.sentence": [
            .ja: "対象患者{0}人のうち{1}人が停電しました。自前の備え（バッテリー・発電機など）で{2}人、家族の工夫（車・充電）で{3}人が乗り切り、残る{4}人は外部の支援を受けたか必要としました。そのうち電源・酸素ボンベの配送で{5}人、入院で{6}人が乗り切りましたが、{7}人には電源のない時間があり、その合計は{8}時間です。",
            .en: "Of {0} patients, {1} lost grid power. Their own batteries and generators carried {2} through and the household's own means (car, recharging) {3}; the other {4} were helped from outside or needed it: a delivered unit or oxygen cylinders bridged {5} and admission to hospital {6}, while {7} spent time without power, {8} hours in all.",
        ],

        "shortfall.col.measure": [.ja: "項目", .en: "Measure"],
        "shortfall.col.value": [.ja: "値", .en: "Value"],
        "shortfall.col.mean": [.ja: "平均", .en: "Mean"],
        "shortfall.col.patients": [.ja: "患者", .en: "Patients"],
        "shortfall.col.affected": [.ja: "停電", .en: "Lost power"],
        "shortfall.col.atRisk": [.ja: "外部の支援", .en: "Outside help"],
        "shortfall.col.ownMeans": [.ja: "自前で充足", .en: "Own means"],
        "shortfall.col.selfHelp": [.ja: "自力で充足", .en: "Self-help"],
        "shortfall.col.harmed": [.ja: "許容時間を超えた患者", .en: "Beyond tolerance"],
        "shortfall.col.byUnit": [.ja: "配送で充足", .en: "By delivery"],
        "shortfall.col.evacuated": [.ja: "入院で充足", .en: "By admission"],
        "shortfall.col.uncovered": [.ja: "未充足", .en: "Uncovered"],
        "shortfall.col.gapHours": [.ja: "電源なし（時間）", .en: "Hours without power"],
        "shortfall.col.meanDelay": [.ja: "把握までの平均（分）", .en: "Mean minutes to detection"],
        "shortfall.col.regionalBCP": [.ja: "地域BCP", .en: "Regional BCP"],
        "shortfall.col.tier": [.ja: "BCPの区分", .en: "BCP tier"],
        "shortfall.col.device": [.ja: "医療機器", .en: "Device"],
        "shortfall.col.hour": [.ja: "経過時間（時間）", .en: "Hour"],
        "shortfall.col.gridOff": [.ja: "停電中の患者", .en: "Patients with the grid off"],
        "shortfall.col.withoutPower": [.ja: "電源のない患者", .en: "Patients without power"],
        "shortfall.col.reason": [.ja: "理由", .en: "Reason"],
        "shortfall.col.count": [.ja: "該当する未充足患者", .en: "Uncovered patients with this reason"],
        "shortfall.col.closes": [.ja: "防ぐために必要だったもの", .en: "What would have closed it"],
        "shortfall.col.change": [.ja: "変更", .en: "Change"],
        "shortfall.col.after": [.ja: "変更後の未充足", .en: "Uncovered after"],
        "shortfall.col.gapAfter": [.ja: "変更後の電源なし（時間）", .en: "Hours without power after"],
        "shortfall.col.programName": [.ja: "事業", .en: "Program"],
        "shortfall.col.result": [.ja: "結果", .en: "Result"],
        "shortfall.col.cost": [.ja: "費用", .en: "Cost"],
        "shortfall.col.tokyoShare": [.ja: "うち都補助（1/2）", .en: "of which Tokyo subsidy (1/2)"],
        "shortfall.col.program": [.ja: "事業（補助率）", .en: "Program (subsidy rate)"],
        "shortfall.col.menu": [.ja: "メニュー", .en: "Menu"],
        "shortfall.col.rate": [.ja: "補助率", .en: "Subsidy rate"],
        "shortfall.col.base": [.ja: "基準額（千円）", .en: "Base amount (thousand yen)"],
        "shortfall.col.why": [.ja: "対策の内容", .en: "What it funds"],
        "shortfall.yes": [.ja: "あり", .en: "yes"],
        "shortfall.no": [.ja: "なし", .en: "no"],

        "shortfall.ensemble.affected": [.ja: "停電した患者", .en: "Lost grid power"],
        "shortfall.ensemble.atRisk": [.ja: "外部の支援", .en: "Outside help"],
        "shortfall.ensemble.coveredOwnMeans": [.ja: "自前で充足", .en: "Covered by own means"],
        "shortfall.ensemble.coveredByUnit": [.ja: "配送で充足", .en: "Covered by a delivery"],
        "shortfall.ensemble.evacuated": [.ja: "入院で充足", .en: "By admission"],
        "shortfall.ensemble.uncovered": [.ja: "未充足", .en: "Uncovered"],
        "shortfall.ensemble.gapMinutes": [.ja: "電源なし（時間）", .en: "Hours without power"],
        "shortfall.ensemble.coveredBySelfHelp": [.ja: "自力で充足", .en: "Self-help"],
        "shortfall.ensemble.harmed": [.ja: "許容時間を超えた患者", .en: "Beyond tolerance"],
        "shortfall.ensemble.beyondToleranceMinutes": [.ja: "許容時間を超えた時間（時間）", .en: "Hours beyond tolerance"],
        "shortfall.ensemble.admitted": [.ja: "入院", .en: "Admitted"],
        "shortfall.ensemble.emergency": [.ja: "うち救急受診", .en: "Emergency presentations"],
        "shortfall.ensemble.note": [
            .ja: "乱数シードを変えた{0}回の実行の分布（p5・p50・p95は5・50・95パーセンタイル）。このレポートの表は1回目（シード{1}）の結果です。",
            .en: "Distribution over {0} runs with different seeds (p5, p50, p95: 5th, 50th, 95th percentiles). The tables of this report are those of the first run (seed {1}).",
        ],

        "shortfall.note.timelineStep": [.ja: "{0}時間ごとの値。1時間ごとの値は timeline.csv にあります。", .en: "Every {0} hours; timeline.csv has every hour."],
        "shortfall.note.outcomes": [
            .ja: "「支援が必要」は停電が自前の備え（内部・外部バッテリー、使える自家用発電機）より長く続いた患者。「自力で充足」は車からの給電や外での充電など、家族の工夫で電源が途切れなかった患者。「未充足」は電源のない時間が1分でもあった患者。「許容時間を超えた患者」は、手動の代替手段もなく、機器ごとに耐えられる時間を超えて電源が途絶えた患者（健康被害の指標）で、その時間の合計が「許容時間超過」。「入院」は計画入院・家族による搬送・救急受診（電源が途絶えた後の救急外来への搬送）の合計。「把握までの平均」は停電から、事業者・連携先・区市町村・酸素供給事業者・本人の連絡のいずれかで支援の必要が分かるまでの分数。",
            .en: "\"Needed help\": the outage outlasted the patient's own reserve (internal and external batteries, a usable own generator). \"Self-help\": never without power thanks to what the household did itself (running the device from the car, recharging a battery elsewhere). \"Uncovered\": at least one minute without power. \"Beyond tolerance\": without power, and without a manual bridge, for longer than the device allows (the harm measure); the minutes beyond it are added up. \"Admitted\": planned admissions, patients taken to hospital by their family and emergency presentations (brought to the emergency department after the power ran out). \"Mean minutes to detection\": from the outage to the moment the provider, a linked partner, the municipality, the oxygen supplier or the patient's own call made the need known.",
        ],
        "shortfall.note.restricted": [
            .ja: "患者ごとの優先順位リスト（仮名ID）は restricted/patients.csv にあり、取扱注意です。このレポートと公開用のCSVには患者IDを含みません。",
            .en: "The per-patient priority list (pseudonymous ids) is in restricted/patients.csv and is restricted. This report and the public CSV files hold no patient id.",
        ],
        "shortfall.note.determinism": [
            .ja: "同じシナリオ・乱数シードからは同じ内容のファイルが作られます（作成日時は記録しません）。",
            .en: "The same scenario and seed give the same files, byte for byte (no date or time is recorded).",
        ],

        "shortfall.reasons.intro": [
            .ja: "未充足の患者ごとに、シミュレーションで当てはまった理由（一人に複数の理由があり得ます）。",
            .en: "For each uncovered patient, the reasons found in the simulation (a patient can have several).",
        ],
        "shortfall.reason.noPowerUnit": [.ja: "貸し出せる電源がなかった", .en: "No power unit available"],
        "shortfall.reason.noContact": [.ja: "必要な時までに誰も連絡が取れなかった", .en: "Nobody reached the patient in time"],
        "shortfall.reason.noDeliveryTeam": [.ja: "電源を運ぶ班が間に合わなかった", .en: "No delivery team in time"],
        "shortfall.reason.noBackupBed": [.ja: "避難できる後方支援病床がなかった", .en: "No backup bed in reach"],
        "shortfall.reason.providerWithoutBCP": [.ja: "担当事業者にBCPがなかった", .en: "The provider had no BCP"],
        "shortfall.reason.noRegionalBCP": [.ja: "区市町村に地域BCPがなかった", .en: "No regional BCP"],
        "shortfall.reason.staffNotTrained": [.ja: "職員が災害対応の研修を受けていなかった", .en: "Staff not trained"],
        "shortfall.remedy.noPowerUnit": [.ja: "発電機・蓄電池の備蓄（区市町村・事業者）", .en: "Generators and batteries in stock (municipality, providers)"],
        "shortfall.remedy.noContact": [.ja: "安否確認の体制（機関型以上のBCP、連携先、区市町村）", .en: "Safety-confirmation calls (institutional BCP or above, partners, municipality)"],
        "shortfall.remedy.noDeliveryTeam": [.ja: "電源を運ぶ班・搬送体制", .en: "Delivery teams and transport"],
        "shortfall.remedy.noBackupBed": [.ja: "後方支援病床の確保", .en: "Backup beds"],
        "shortfall.remedy.providerWithoutBCP": [.ja: "事業者のBCP策定（機関型BCP）", .en: "A BCP for the provider (institutional)"],
        "shortfall.remedy.noRegionalBCP": [.ja: "区市町村の地域BCP（近隣からの応援を含む）", .en: "A regional BCP (with mutual aid from neighbours)"],

        "shortfall.whatif.method": [
            .ja: "未充足の患者が多い区市町村ごとに、シナリオを1か所だけ変えて再計算しました：区市町村の電源を増やす（運ぶ配送班が4台に1班に満たなければ、その分の配送班とともに）、電源を患者宅に事前配置する（自己備蓄の少ない患者から）、配送班を増やす（備蓄がある場合）、安否確認の件数を増やす、後方支援病床を増やす、担当事業者のBCPを1段階上げる。どの変更も、それだけで患者に届く形（電源は運ぶ手段か事前配置とともに）で試しています。まず各変更を1つ分ずつ試し、どれでも解消しない場合は未充足の人数分まで増やし、解消した変更については解消に必要な最小の量を二分探索しました。表は未充足をすべて解消する最小の変更（なければ未充足が最も少なく、次に電源のない時間が最も短くなる変更）です。「未充足」は1分でも電源が途絶えた患者なので、間に合わなかった支援も電源のない時間を短くしていることがあります。",
            .en: "For the municipalities with the most uncovered patients, the scenario was rerun with one change at a time: more units in the municipality's stock (with delivery teams to carry them, up to one per 4 units held), units placed in advance at patients' homes (least own reserve first), more delivery teams (where there is stock to carry), more safety calls per hour, more backup beds, or the providers' BCP one tier up. Each change is tried in a form that can reach a patient on its own. Each change was tried with one more first; if none covered everyone, with as many as there were uncovered patients, and the changes that then covered everyone were bisected for the smallest amount that does. The table gives the smallest change that covers everyone (else the one leaving the fewest uncovered, then the fewest hours without power). \"Uncovered\" means at least one minute without power, so help that came too late can still shorten the hours without power.",
        ],
        "shortfall.whatif.bound": [
            .ja: "範囲：未充足の患者がいる{1}区市町村のうち多い順に{0}区市町村。再計算は最大{2}回（今回{3}回）、乱数シード{4}で実行。費用は電源のみ（単価は配分チェックの既定値）。",
            .en: "Bounds: the {0} municipalities with most uncovered patients, of {1} with any; at most {2} reruns ({3} made), with seed {4}. Costs are given for units only (the allocation check's default prices).",
        ],
        "shortfall.whatif.boundProtected": [
            .ja: "範囲：未充足の患者がいる（秘匿・範囲表示で0でありうるものを含む）{1}区市町村のうち多い順に{0}区市町村。再計算は最大{2}回（今回{3}回）、乱数シード{4}で実行。費用は電源のみ（単価は配分チェックの既定値）。",
            .en: "Bounds: the {0} municipalities with most uncovered patients, of {1} with any (or with a band that may hide a 0); at most {2} reruns ({3} made), with seed {4}. Costs are given for units only (the allocation check's default prices).",
        ],
        "shortfall.whatif.none": [.ja: "1か所の変更では改善せず", .en: "no single change helped"],
        "shortfall.whatif.coversAll": [.ja: "すべて解消", .en: "covers all"],
        "shortfall.whatif.coversMost": [.ja: "一部解消（最も多く解消する変更）", .en: "covers some (the change that covers most)"],
        "shortfall.whatif.hoursOnly": [.ja: "人数は変わらず、電源のない時間が短縮", .en: "covers no one more; shortens the time without power"],
        "shortfall.whatif.budget": [.ja: "（再計算の上限に達したため探索は途中まで）", .en: "(rerun limit reached: search incomplete)"],
        "shortfall.whatif.noCost": [.ja: "資料に単価なし", .en: "no price in the sources"],
        "shortfall.whatif.detail": [.ja: "試した変更と結果", .en: "Every change tried"],
        "shortfall.whatif.nothing": [.ja: "未充足の患者はいません。", .en: "No patient was uncovered."],
        "shortfall.whatif.notRun": [
            .ja: "再計算は行っていません（--what-if 0 で実行したか、再計算を含まない結果ファイルです）。",
            .en: "No reruns were made (run with --what-if 0, or a result file without them).",
        ],
        "shortfall.whatif.na.unit": [.ja: "電源の追加：対象外", .en: "more units: not applicable"],
        "shortfall.whatif.worse": [
            .ja: "一部の変更では未充足がかえって増えています。モデルでは、電源が配送中の患者について担当事業所は入院を手配しないため、到着が電源の尽きた後になると、電源がなければ入院で乗り切れた患者に電源のない時間が生じます（先着順の配送。配送班を増やす・事前配置にすると避けられます）。",
            .en: "Some changes leave more patients without power than before. In the model a provider does not arrange an admission for a patient whose unit is on the way, so a unit that arrives after the patient's power ran out leaves a gap for a patient who would otherwise have been admitted in time (first-come dispatch; more teams or units placed at homes avoid it).",
        ],
        "shortfall.whatif.na.team": [.ja: "配送班の追加：対象外（区市町村の備蓄がなく、運ぶものがない。電源と配送班の組み合わせは「区市町村の電源の追加」）", .en: "more teams: not applicable (the municipality holds no stock to carry; units together with a team are the \"municipal stock\" change)"],
        "shortfall.whatif.na.homeUnit": [.ja: "電源の事前配置：対象外（停電した患者なし）", .en: "units at patients' homes: not applicable (no patient lost power)"],
        "shortfall.whatif.na.contact": [.ja: "安否確認の増加：対象外", .en: "more calls: not applicable"],
        "shortfall.whatif.na.bed": [.ja: "病床の追加：対象外（圏域内に病院なし）", .en: "more beds: not applicable (no hospital in the area)"],
        "shortfall.whatif.na.tier": [.ja: "BCPの引き上げ：対象外（すでに地域BCP）", .en: "BCP tier up: not applicable (already regional)"],
        "shortfall.lever.unit": [.ja: "区市町村の電源を{0}台追加（{1}）", .en: "municipal stock: +{0} units ({1})"],
        "shortfall.lever.unitWithTeam": [.ja: "区市町村の電源を{0}台追加（{1}）と、運ぶ配送班{2}班（4台に1班まで）", .en: "municipal stock: +{0} units ({1}), with delivery teams to carry them: +{2} (one per 4 units)"],
        "shortfall.lever.homeUnit": [.ja: "電源{0}台を患者宅に事前配置（{1}、自己備蓄の少ない順）", .en: "{0} units placed at patients' homes in advance ({1}; least own reserve first)"],
        "shortfall.lever.team": [.ja: "区市町村の配送班を{0}班追加", .en: "municipal delivery teams: +{0}"],
        "shortfall.lever.contact": [.ja: "安否確認を1時間あたり{0}件増（担当事業者ごと・区市町村）", .en: "safety calls: +{0} per hour (each provider, and the municipality)"],
        "shortfall.lever.bed": [.ja: "後方支援病床を{0}床追加", .en: "backup beds: +{0}"],
        "shortfall.lever.tier": [.ja: "担当事業者のBCPを{0}段階引き上げ", .en: "providers' BCP tier: +{0}"],
        "shortfall.unitDesc.generator": [.ja: "発電機 {0}W、{1}分×{2}タンク", .en: "generator, {0} W, {2} tanks of {1} min"],
        "shortfall.unitDesc.battery": [.ja: "蓄電池 {0}Wh", .en: "battery, {0} Wh"],
        "shortfall.unitDesc.ups": [.ja: "UPS {0}Wh", .en: "UPS, {0} Wh"],

        "shortfall.funding.intro": [
            .ja: "不足の理由ごとに、対策に使える都の事業（事業台帳の全体は registry.md・registry.csv・registry.json）。",
            .en: "For each reason, the Tokyo programs that fund its remedy (the whole registry is in registry.md, registry.csv and registry.json).",
        ],
        "shortfall.funding.noRate": [.ja: "補助率の記載なし", .en: "no rate printed"],

        "shortfall.chart.timeline": [.ja: "電源のない患者（棒）と停電中の患者（線）", .en: "Patients without power (bars) and with the grid off (line)"],
        "shortfall.chart.hours": [.ja: "停電開始からの時間", .en: "Hours from the start"],
        "shortfall.chart.hidden": [.ja: "範囲で示す数・秘匿（{0}人など）", .en: "shown as a band or withheld ({0} etc.)"],
        "shortfall.chart.municipalities": [.ja: "区市町村別の未充足患者（停電した区市町村）", .en: "Uncovered patients by municipality (municipalities that lost power)"],
        "shortfall.chart.noAffected": [.ja: "停電した区市町村はありません。", .en: "No municipality lost power."],
        "shortfall.chart.tiers": [.ja: "BCPの区分別の結果（停電した患者）", .en: "Outcome by BCP tier (patients who lost power)"],

        "shortfall.restricted.readme": [
            .ja: "【取扱注意】このフォルダには患者ごとの情報（仮名ID、区市町村、医療機器、電源が尽きる時刻など）が入っています。災害対応で患者に連絡・支援する担当者だけが扱い、公開・共有しないでください。公開してよいのは、このフォルダの外にある要約とCSVだけです。patients.csv は支援の優先順位（電源が尽きるのが早い順）です。result.json はシミュレーションの全結果で、bcpsim report で報告書を作り直すときに使います。",
            .en: "RESTRICTED. This folder holds per-patient information (pseudonymous ids, municipality, device, the minute power runs out). Only the staff who contact and support patients in a disaster may use it; do not publish or share it. Only the summary and CSV files outside this folder may be published. patients.csv is the priority list (earliest to run out of power first). result.json is the full simulation result, used by bcpsim report to render the reports again.",
        ],
    ]

    /// The label for `key` in `lang`, with {0}, {1}... replaced by `args`. A missing key or
    /// language shows as ⟦key⟧ so that tests (and readers) see it at once.
    public static func text(_ key: String, _ lang: Language, _ args: String...) -> String { text(key, lang, args: args) }

    public static func text(_ key: String, _ lang: Language, args: [String]) -> String {
        guard var s = table[key]?[lang] else { return "⟦\(key)⟧" }
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return lang == .en && !args.isEmpty ? EnglishNumber.agree(s) : s
    }

    /// Keys missing a language or with an empty text, sorted (for the completeness test).
    public static var incompleteKeys: [String] {
        table.keys.filter { k in Language.allCases.contains { (table[k]?[$0] ?? "").isEmpty } }.sorted()
    }
}

/// English nouns after a count of exactly 1 in the singular ("1 providers" read wrong, and
/// "provider(s)" is no better). Only a whole "1" counts: not "21", "0.1", "1,000" or a band.
enum EnglishNumber {
    static let nouns: [(plural: String, singular: String)] = [
        ("providers", "provider"), ("patients", "patient"), ("units", "unit"), ("beds", "bed"), ("municipalities", "municipality"),
        ("batteries", "battery"), ("injects", "inject"), ("areas", "area"), ("groups", "group"), ("days", "day"), ("runs", "run"),
        ("files", "file"), ("teams", "team"), ("calls", "call"), ("generators", "generator"), ("figures", "figure"), ("replicas", "replica"),
        ("residents", "resident"), ("clinics", "clinic"), ("stations", "station"), ("tanks", "tank"), ("points", "point"),
        ("sites", "site"), ("changes", "change"), ("seeds", "seed"), ("samples", "sample"),
    ]

    static func agree(_ s: String) -> String {
        guard s.contains("1 ") else { return s }
        var out = s
        for (plural, singular) in nouns where out.contains("1 " + plural) {
            var result = "", rest = Substring(out)
            while let r = rest.range(of: "1 " + plural) {
                let before = rest[..<r.lowerBound]
                let prev = before.last ?? result.last
                let after = rest[r.upperBound...].first
                let wholeOne = prev.map { !($0.isNumber || $0 == "," || $0 == "." || $0 == "～" || $0 == "–" || $0 == "-") } ?? true
                let wholeWord = after.map { !$0.isLetter } ?? true
                result += before + (wholeOne && wholeWord ? "1 " + singular : "1 " + plural)
                rest = rest[r.upperBound...]
            }
            out = result + rest
        }
        return out
    }
}

/// Tier names as printed.
public enum TierText {
    public static func name(_ t: TierOverride, _ lang: Language) -> String { Labels.text("workshop.tier." + t.rawValue, lang) }
}
