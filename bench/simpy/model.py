#!/usr/bin/env python3
"""A plain SimPy model of bcpsim's core outage rules, for `bcpsim bench` (speed comparison only).

Usage: python model.py SCENARIO_FOLDER [--seed N]. Reads a `bcpsim generate` folder (municipalities
missing from its municipalities.csv come from docs/sources/data/tokyo-municipalities.csv); prints one
JSON line: tallies, SimPy events processed, load_seconds, simulate_seconds (env.run() only).
Integer minutes, one process per patient, the defaults of docs/MODEL.md (scenario parameters apply).
Included: restoration zones (areas or municipality codes, start_hour, inline or named curve, linear
from (0 h, 0); each patient's draw from random.Random(seed), not bcpsim's StableHash); the horizon;
home reserve (batteries at draw_w, own generator if operable and big enough, patient-owned units,
cylinders; hours_per_day < 24 only stretches it by 24/hours); detection by provider calls (tier
institutional+, after 60 min), municipal confirmation of registered patients under a regional BCP or
admission system (120 min), both through call lists (least reserve first), and the own call (30 min
after the reserve falls to 180 min); units from the own provider's depot (institutional+), linked
partners' (same linked_group, linked+) and the municipal stock, carried by delivery teams (travel
60/90/150 min, 720 to islands, and back), kept until the grid returns or admission, then driven back
and recharged 360 min (generators refuelled 60); a free backup bed of the secondary area when no unit
can arrive by depletion (transfer 120 min, freed 720 min after the grid returns).
Left out: rolling blackouts and repeated episodes (exit code 2); time-of-day windows, tolerance,
manual bridges, harm; households' own plans (family to hospital, car power, recharging trips);
admission routes 1-5 (planned evacuation admission, ahead of rolling blocks, provider-arranged,
family, emergency) and admissions beyond the set-aside beds; mutual aid between municipalities;
oxygen suppliers' calls and cylinder deliveries; disruptions (provider_out, linked takeover,
travel_slowed) and dark provider sites; bcpsim's central two-pass triage by deadline (here each
patient seeks help itself; one who must wait takes the first unit freed at any of its depots, then
queues for that depot's team); fractional contact times; shortfall reasons, timeline, ensembles.
Its tallies are NOT expected to equal bcpsim's: it is a workload of the same size, for timing.
"""
import argparse, csv, json, math, os, random, sys, time
import simpy

DEVICES = {"tppv": (25, 24), "nppv": (30, 12), "oxygen": (120, 24), "suction": (30, 2), "feeding": (5, 12)}
TIERS = {"none": 0, "institutional": 1, "linked": 2, "regional": 3}
PARAMS = {"provider_call_delay_minutes": 60, "municipal_confirm_delay_minutes": 120,
          "self_call_threshold_minutes": 180, "self_call_delay_minutes": 30,
          "travel_same_municipality_minutes": 60, "travel_same_area_minutes": 90,
          "travel_elsewhere_minutes": 150, "travel_island_minutes": 720, "transfer_minutes": 120,
          "unit_recharge_minutes": 360, "unit_refuel_minutes": 60, "discharge_after_restore_minutes": 720,
          "own_generators_usable": True}
BUILTIN = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "sources", "data", "tokyo-municipalities.csv")


def rows(path):  # a CSV file as dicts; a missing optional file has no rows
    return list(csv.DictReader(open(path, newline="", encoding="utf-8-sig"))) if os.path.exists(path) else []


def num(row, key, default=0):
    v = (row.get(key) or "").strip()
    return int(float(v)) if v else default


def flag(row, key, default=False):
    v = (row.get(key) or "").strip().lower()
    return default if not v else v == "true"


class CountingEnvironment(simpy.Environment):
    """Counts the events SimPy processes (one call per step)."""
    events = 0

    def step(self):
        self.events += 1
        simpy.Environment.step(self)


class Unit:
    def __init__(self, r):
        self.id, self.kind = r["id"], r["kind"]
        self.wh, self.rated = num(r, "capacity_wh"), num(r, "rated_w")
        self.fuel = num(r, "runtime_per_tank_min") * num(r, "tanks")

    def minutes(self, draw):  # use-minutes this unit gives a device drawing `draw` W
        if self.kind == "generator":
            return self.fuel if self.rated >= draw else 0
        return self.wh * 60 // draw


class Depot:
    def __init__(self, env, muni, teams, units):
        self.muni = muni
        self.teams = simpy.PriorityResource(env, capacity=teams)
        self.units = simpy.FilterStore(env)
        self.units.items.extend(sorted(units, key=lambda u: u.id))

    def best_unit(self, draw):  # the unit giving the most minutes, ties by lowest id
        usable = [u for u in self.units.items if u.minutes(draw) > 0]
        return min(usable, key=lambda u: (-u.minutes(draw), u.id), default=None)


class Patient:
    __slots__ = ("id", "muni", "area", "draw", "stretch", "start", "end", "own", "powered", "depl0", "depots",
                 "calls", "known", "release", "gap", "units", "in_hospital", "gave_up")


class Model:
    def __init__(self, folder, seed):
        sc = json.load(open(os.path.join(folder, "scenario.json"), encoding="utf-8"))
        self.par = dict(PARAMS, **sc.get("parameters", {}))
        self.horizon = int(round(sc["horizon_hours"] * 60))
        self.seed = sc.get("seed", 2025) if seed is None else seed
        self.env = env = CountingEnvironment()
        self.munis = {}
        for r in rows(BUILTIN) + rows(os.path.join(folder, "municipalities.csv")):  # overrides fill what they give
            m = self.munis.setdefault(r["code"], {})
            m.update({k: v for k, v in r.items() if v not in (None, "")})
        providers = {r["id"]: r for r in rows(os.path.join(folder, "providers.csv"))}
        patients = sorted(rows(os.path.join(folder, "patients.csv")), key=lambda r: r["id"].encode())
        # Depots: a provider's or a municipality's lendable units with its delivery teams.
        held = {}
        for r in rows(os.path.join(folder, "units.csv")):
            held.setdefault((r["owner_type"], r["owner"]), []).append(Unit(r))
        self.depots = {}
        for (kind, owner), us in held.items():
            info = {"provider": providers, "municipality": self.munis}.get(kind, {}).get(owner)
            if info and num(info, "delivery_teams") > 0:
                muni = info["municipality"] if kind == "provider" else owner
                self.depots[(kind, owner)] = Depot(env, muni, num(info, "delivery_teams"), us)
        groups = {}
        for pid in sorted(providers):
            g = providers[pid].get("linked_group") or ""
            if g and TIERS.get(providers[pid]["tier"], 0) >= 2:
                groups.setdefault(g, []).append(pid)
        self.calls = {}
        for key, info in [(("provider", k), v) for k, v in providers.items()] + \
                         [(("municipality", k), v) for k, v in self.munis.items()]:
            cph = num(info, "contacts_per_hour")
            if cph > 0:  # a call list: one line, and the whole minutes a contact takes
                self.calls[key] = (simpy.PriorityResource(env, capacity=1), max(1, round(60 / cph)))
        beds = {}
        for r in providers.values():
            if num(r, "backup_beds") > 0:
                area = self.munis[r["municipality"]]["secondary_medical_area_ja"]
                beds[area] = beds.get(area, 0) + num(r, "backup_beds")
        self.beds = {a: simpy.Resource(env, capacity=n) for a, n in beds.items()}
        # Zones: each patient's grid-off span [start, end) from one restoration draw.
        curves, zones = sc.get("curves", {}), []
        for z in sc.get("zones", []):
            if "rolling" in z:
                print("model.py: rolling (planned) blackouts are not modelled", file=sys.stderr)
                sys.exit(2)
            curve = curves[z["curve"]] if isinstance(z["curve"], str) else z["curve"]
            zones.append((z, set(z.get("areas", [])), set(str(c) for c in z.get("municipalities", [])), curve))
        rng, self.patients = random.Random(self.seed), []
        for r in patients:
            p = Patient()
            p.id, p.muni = r["id"], r["municipality"]
            p.area = self.munis[p.muni]["secondary_medical_area_ja"]
            draw, hours = DEVICES[r["device"]]
            p.draw, hours = num(r, "draw_w", draw), num(r, "hours_per_day", hours)
            p.stretch = 24 / hours
            p.start = p.end = 0
            for z, areas, codes, curve in zones:
                if p.area in areas or p.muni in codes:
                    p.start = int(round(z.get("start_hour", 0) * 60))
                    back = restoration_minute(curve, rng.random())
                    p.end = min(self.horizon, p.start + back) if back is not None else self.horizon
                    break
            use = (num(r, "internal_wh") + num(r, "external_wh")) * 60 // p.draw + num(r, "cylinder_min")
            if (flag(r, "generator_operable", True) and self.par["own_generators_usable"]
                    and num(r, "generator_w") >= p.draw):
                use += num(r, "generator_runtime_min") * num(r, "generator_tanks")
            use += sum(u.minutes(p.draw) for u in held.get(("patient", p.id), []))
            p.own = int(use * p.stretch)
            p.powered = p.depl0 = p.start + p.own
            prov = providers.get(r.get("provider") or "", {"tier": "none", "linked_group": ""})
            tier, muni = TIERS.get(prov["tier"], 0), self.munis[p.muni]
            p.depots, p.calls = [], []
            if tier >= 1:
                p.depots.append(self.depots.get(("provider", r["provider"])))
                p.calls.append((self.calls.get(("provider", r["provider"])), self.par["provider_call_delay_minutes"]))
            if tier >= 2:
                p.depots += [self.depots.get(("provider", q)) for q in groups.get(prov["linked_group"], [])
                             if q != r["provider"]]
            p.depots.append(self.depots.get(("municipality", p.muni)))
            p.depots = [d for d in p.depots if d is not None]
            regional = tier == 3 or flag(muni, "regional_bcp")
            admission = flag(muni, "admission_system") and r["device"] in ("tppv", "nppv")
            if flag(r, "support_plan") and (regional or admission):  # municipal confirmation
                confirm = self.calls.get(("municipality", p.muni))
                p.calls.append((confirm, self.par["municipal_confirm_delay_minutes"]))
            p.calls = [(c, d) for c, d in p.calls if c is not None]
            p.known, p.release = env.event(), env.event()
            p.gap, p.units, p.in_hospital, p.gave_up = 0, 0, False, False
            self.patients.append(p)
            env.process(self.patient(p))

    def travel(self, a, b):
        if a == b:
            return self.par["travel_same_municipality_minutes"]
        ma, mb = self.munis.get(a, {}), self.munis.get(b, {})
        if flag(ma, "island") or flag(mb, "island"):
            return self.par["travel_island_minutes"]
        if ma.get("secondary_medical_area_ja") == mb.get("secondary_medical_area_ja"):
            return self.par["travel_same_area_minutes"]
        return self.par["travel_elsewhere_minutes"]

    # ---- processes -------------------------------------------------------------------------
    def patient(self, p):
        env = self.env
        if p.end <= p.start:
            return  # never loses power within the horizon
        yield env.timeout(p.start)
        grid_back = env.timeout(p.end - env.now)
        for calls, delay in p.calls:
            env.process(self.call(calls, p, delay))
        low = max(p.start, p.depl0 - self.par["self_call_threshold_minutes"])  # reserve falls low
        own_call = low + self.par["self_call_delay_minutes"]
        if own_call < p.end:
            env.process(self.later(own_call - env.now, lambda: p.known.triggered or p.known.succeed()))
        while p.powered < p.end and env.now < p.end and not (p.in_hospital or p.gave_up):
            if not p.known.triggered:
                yield p.known | grid_back
            else:
                yield from self.seek_help(p, grid_back)
        if not p.in_hospital:
            yield grid_back
            p.release.succeed()

    def call(self, calls, p, delay):
        env, (line, contact) = self.env, calls
        yield env.timeout(delay)
        if p.known.triggered or env.now >= p.end:
            return
        with line.request(priority=p.depl0) as req:
            yield req
            if p.known.triggered or env.now >= p.end:
                return  # skipped: already known or power back
            yield env.timeout(contact)
        if not p.known.triggered:
            p.known.succeed()

    def later(self, delay, action):  # the patient's own call, a team's return, a discharge
        yield self.env.timeout(max(0, delay))
        action()

    def seek_help(self, p, grid_back):
        env, now = self.env, self.env.now
        ready = [(now + self.travel(d.muni, p.muni), i, d) for i, d in enumerate(p.depots)
                 if d.teams.count < d.teams.capacity and d.best_unit(p.draw)]  # can leave now
        best = min(ready, default=None)  # the first arrival; ties keep the depots' order
        if best and best[0] <= p.powered:
            yield from self.send(p, best[2])
            return
        beds, by_bed = self.beds.get(p.area), now + self.par["transfer_minutes"]
        if beds and beds.count < beds.capacity and by_bed < p.end and (best is None or by_bed < best[0]):
            yield from self.admit(p, beds)
            return
        if best and best[0] < p.end:
            yield from self.send(p, best[2])  # late, but shortens the gap
            return
        if not p.depots or now + min(self.travel(d.muni, p.muni) for d in p.depots) >= p.end:
            p.gave_up = True
            return
        # Wait for a usable unit at any depot, the grid, or (once) depletion to look at beds again.
        gets = [d.units.get(lambda u, w=p.draw: u.minutes(w) > 0) for d in p.depots]
        wake = gets + [grid_back] + ([env.timeout(p.powered - now)] if now < p.powered else [])
        yield env.any_of(wake)
        got = None
        for d, g in zip(p.depots, gets):
            if not g.triggered:
                g.cancel()
            elif got is None and env.now < p.end:
                got = (d, g.value)
            else:
                d.units.put(g.value)
        if got:
            yield from self.send(p, got[0], got[1])

    def send(self, p, depot, unit=None):
        env = self.env
        if unit is None:
            unit = depot.best_unit(p.draw)
            yield depot.units.get(lambda u: u is unit)
        travel = self.travel(depot.muni, p.muni)
        team = depot.teams.request(priority=p.powered)
        yield team
        if env.now + travel >= p.end:  # would arrive after the grid is back or the horizon
            depot.teams.release(team)
            depot.units.put(unit)
            p.gave_up = True
            return
        yield env.timeout(travel)
        env.process(self.later(travel, lambda: depot.teams.release(team)))
        p.gap += max(0, env.now - p.powered)
        p.powered = max(env.now, p.powered) + int(unit.minutes(p.draw) * p.stretch)
        p.units += 1
        env.process(self.unit_home(depot, unit, p))

    def unit_home(self, depot, unit, p):
        yield p.release  # grid back or patient admitted
        back = self.par["unit_refuel_minutes" if unit.kind == "generator" else "unit_recharge_minutes"]
        yield self.env.timeout(self.travel(p.muni, depot.muni) + back)
        yield depot.units.put(unit)

    def admit(self, p, beds):
        env = self.env
        bed = beds.request()
        yield bed
        yield env.timeout(self.par["transfer_minutes"])
        p.gap += max(0, env.now - p.powered)
        p.in_hospital = True
        p.release.succeed()
        discharge = p.end + self.par["discharge_after_restore_minutes"] - env.now
        env.process(self.later(discharge, lambda: beds.release(bed)))

    def tally(self):
        t = dict(patients=len(self.patients), affected=0, covered_own_means=0, covered_by_unit=0,
                 evacuated=0, uncovered=0, gap_minutes=0, units_delivered=0)
        for p in self.patients:
            if p.end <= p.start:
                continue
            t["affected"] += 1
            gap = p.gap + (0 if p.in_hospital else max(0, p.end - p.powered))
            t["gap_minutes"] += gap
            t["units_delivered"] += p.units
            outcome = ("uncovered" if gap > 0 else "evacuated" if p.in_hospital
                       else "covered_by_unit" if p.units else "covered_own_means")
            t[outcome] += 1
        return t


def restoration_minute(curve, u):
    """First minute at which the piecewise-linear curve (from (0 h, 0)) exceeds u; None if never."""
    m0, f0 = 0.0, 0.0
    for hour, f in curve:
        m1 = hour * 60
        if f > u:
            if f0 > u or m1 <= m0:
                return math.ceil(m0)
            return math.floor(m0 + (u - f0) / (f - f0) * (m1 - m0)) + 1
        m0, f0 = m1, f
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("--seed", type=int)
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.scenario, "scenario.json")):
        print(f"model.py: {a.scenario}: not a scenario folder (no scenario.json)", file=sys.stderr)
        sys.exit(2)
    t0 = time.perf_counter()
    model = Model(a.scenario, a.seed)
    t1 = time.perf_counter()
    model.env.run(until=model.horizon)  # the simulate phase: timed alone
    t2 = time.perf_counter()
    out = dict(model="bcpsim-simpy", simpy=simpy.__version__, seed=model.seed, horizon_minutes=model.horizon)
    out.update(model.tally())
    out.update(events=model.env.events, load_seconds=round(t1 - t0, 6), simulate_seconds=round(t2 - t1, 6))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
