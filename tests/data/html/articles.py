# ruff: noqa: E501  (article text and HTML templates: long lines are the data)
"""Article texts for the imitation news pages (written for the project; no real event).

Each article is a title plus blocks: ("p", text), ("h2", text), ("li", text), ("quote", text).
make_pages.py wraps each in the markup of a different kind of news site and writes the
expected article text beside the page.
"""

from __future__ import annotations

Article = tuple[str, list[tuple[str, str]]]

ARTICLES: list[Article] = [
    (
        "Harbour authority approves second container terminal in Port Vellin",
        [
            (
                "p",
                "PORT VELLIN (Example Wire) - The harbour authority of Port Vellin on Tuesday approved a second container terminal, ending a four-year dispute with fishermen and residents over the use of the northern quay.",
            ),
            (
                "p",
                "The terminal will cost 640 million euros and is due to open in 2029, the authority said in a statement. It expects the port to handle 1.8 million containers a year once both terminals are running, up from 1.1 million now.",
            ),
            (
                "p",
                'Chairwoman Petra Anselm said the vote was "the hardest decision this board has taken", but argued that the port would lose shipping lines to its rivals without more space.',
            ),
            (
                "p",
                "The fishermen's association said it would appeal. Its president, Jonas Ferre, told reporters the new quay would close the only sheltered mooring used by the small boats in winter storms.",
            ),
            (
                "p",
                "The authority promised to build a replacement mooring on the southern breakwater before work on the terminal begins. Residents of the old town will also get a noise barrier along the rail line to the port.",
            ),
            (
                "p",
                "Shares in Vellin Logistics, which operates the existing terminal, rose 4.2% after the announcement.",
            ),
        ],
    ),
    (
        "Night trains return to the mountain line after 20 years",
        [
            (
                "p",
                "Sleeper trains will run again on the mountain line between Arnau and Sella from December, the national rail company said on Monday, two decades after the last service was cut.",
            ),
            (
                "p",
                "The trains will leave Arnau at 10.15 p.m. and reach Sella at 7.40 a.m., stopping at four towns along the valley. Tickets go on sale in October and start at 49 euros for a seat and 119 euros for a bed in a shared cabin.",
            ),
            ("h2", "Old carriages, new interiors"),
            (
                "p",
                "The company bought 18 carriages from a foreign operator and has rebuilt them with wider berths, showers and wheelchair-accessible cabins. Each train will carry up to 260 passengers.",
            ),
            (
                "p",
                '"People told us they want to travel without flying, and without losing a day on the road," said the company\'s head of long-distance services, Dr. Irena Valk. "This line is the test for a larger network."',
            ),
            (
                "p",
                "Tourism offices in the valley welcomed the return. The mayor of Sella said hotels had already reported bookings from groups who planned to arrive by train.",
            ),
            (
                "p",
                "Rail unions cautioned that the service would need at least 40 more staff, and asked the company to publish its hiring plan.",
            ),
        ],
    ),
    (
        "Drought forces water limits in three eastern provinces",
        [
            (
                "p",
                "Authorities in three eastern provinces imposed limits on water use on Thursday after the driest spring in 60 years left reservoirs at a third of their usual level.",
            ),
            (
                "p",
                "Households may not water gardens, fill swimming pools or wash cars with hose pipes until further notice. Farmers will receive 30% less water for irrigation, and golf courses must stop watering fairways.",
            ),
            (
                "p",
                'The regional environment minister, Tomas Ruel, said the measures were unavoidable. "If we do nothing now, some towns will have no tap water by August," he said.',
            ),
            (
                "p",
                "Farmers' groups said the cuts would ruin part of the maize harvest and demanded compensation. Some growers have already switched to crops that need less water, such as sorghum and chickpeas.",
            ),
            (
                "p",
                "Weather forecasters expect little rain before September. The last comparable drought, in 1964, lasted until the following spring.",
            ),
        ],
    ),
    (
        "How a small town library became a repair cafe",
        [
            (
                "p",
                "Every second Saturday, the reading room of the library in Oster Bay fills with broken toasters, lamps, bicycles and jackets with torn seams. Volunteers sit at long tables with screwdrivers and sewing machines, and visitors watch as their things are fixed.",
            ),
            (
                "p",
                'The idea came from the librarian, Ada Korsholm, who noticed that people kept asking for books on repairing household appliances. "The books were always out," she said. "So we thought: why not bring in people who know how to do it?"',
            ),
            ("h2", "What gets repaired"),
            (
                "p",
                "In its first year, the repair cafe recorded 412 repairs. The most common items were:",
            ),
            ("li", "Lamps and electrical cables, about a quarter of all repairs."),
            ("li", "Clothes and bags, mostly zips and seams."),
            ("li", "Bicycles, from punctures to worn brake pads."),
            ("li", "Small kitchen appliances such as kettles and coffee makers."),
            (
                "p",
                "Not everything can be saved. About one item in five is beyond repair, usually because spare parts are no longer made. The volunteers then help visitors take the item to the recycling centre.",
            ),
            (
                "p",
                "The town council has since given the library a small grant to buy tools, and two neighbouring towns have asked for advice on starting their own.",
            ),
        ],
    ),
    (
        "Court blocks demolition of the old grain silo",
        [
            (
                "p",
                "An administrative court on Wednesday halted the demolition of the 1920s grain silo on the Merel canal, days before the wrecking crews were due to start.",
            ),
            (
                "p",
                "The judges ruled that the city had not properly assessed the building's value as an industrial monument before granting the developer a permit. The city must now commission an independent report.",
            ),
            (
                "p",
                "The developer, Canalside Homes, plans 320 apartments on the site. A spokesman said the company was disappointed and would study the ruling before deciding whether to appeal.",
            ),
            (
                "p",
                "Campaigners who have occupied the forecourt of the silo since March celebrated outside the court. They want the building turned into studios and a market hall.",
            ),
            (
                "quote",
                "This is not the end, but it is proof that a city has to listen before it tears down its history.",
            ),
            (
                "p",
                "The city's planning department said it respected the decision and would carry out the assessment within six months.",
            ),
        ],
    ),
    (
        "Researchers count record number of storks in wetland reserve",
        [
            (
                "p",
                "Volunteers counted 1,240 white storks in the Lenna wetland reserve this summer, the highest number since records began in 1978, the reserve's managers said on Friday.",
            ),
            (
                "p",
                "The count was 15% higher than last year. Scientists credit the restoration of wet meadows along the river, which has brought back the frogs, insects and small fish that the birds feed on.",
            ),
            (
                "p",
                '"Twenty years ago we were worried the colony would disappear," said ecologist Marta Lindgren, who has led the count for a decade. "Now we have nests on almost every old chimney in the villages around the reserve."',
            ),
            (
                "p",
                "Not all species have done as well. The number of lapwings nesting in the reserve fell for the fifth year in a row, which researchers blame on drier springs and on foxes.",
            ),
            (
                "p",
                "The reserve plans to flood two more meadows next year and to fence nesting areas to keep predators out.",
            ),
        ],
    ),
    (
        "Five things to know about the new cycling law",
        [
            (
                "p",
                "A new traffic law that takes effect on 1 July changes the rules for cyclists, e-scooter riders and the drivers who share the road with them. Here is what changes.",
            ),
            ("h2", "1. Overtaking distance"),
            (
                "p",
                "Drivers must leave at least 1.5 metres when overtaking a cyclist outside towns, and one metre in towns. Fines start at 120 euros.",
            ),
            ("h2", "2. Helmets for children"),
            (
                "p",
                "Children under 14 must wear a helmet on bicycles and e-scooters. Parents can be fined if they do not.",
            ),
            ("h2", "3. Phones"),
            (
                "p",
                "Holding a phone while cycling is now banned, as it has long been for drivers. Phones in a handlebar mount are allowed.",
            ),
            ("h2", "4. Cycle streets"),
            (
                "p",
                "Towns may declare cycle streets where cars are guests and may not overtake cyclists at all.",
            ),
            ("h2", "5. Scooter parking"),
            (
                "p",
                "Rental e-scooters may no longer be left on pavements narrower than two metres. Operators must remove badly parked scooters within two hours of a complaint.",
            ),
        ],
    ),
    (
        "Chess prodigy, 13, wins national championship",
        [
            (
                "p",
                "Lio Marchetti became the youngest national chess champion on Sunday, beating three-time winner Karl Dunst in a tense final game that lasted more than five hours.",
            ),
            (
                "p",
                "The 13-year-old from Varna needed only a draw but chose a sharp line that left both kings exposed. Dunst resigned on move 71 after losing a rook.",
            ),
            (
                "p",
                '"I didn\'t want to play for a draw. I wanted to win it properly," Marchetti said afterwards. He thanked his grandmother, who taught him the game when he was five.',
            ),
            (
                "p",
                "The title gives Marchetti a place in the national team for the Olympiad in November. His coach, Grandmaster Elena Sokol, said he still needed to work on his endgame technique but that his calculation was already at the level of the best adults.",
            ),
            (
                "p",
                "The women's championship was won by Nadia Farrow, 24, for the second year in a row.",
            ),
        ],
    ),
    (
        "City unveils plan to plant 50,000 trees by 2030",
        [
            (
                "p",
                "The city of Korrin will plant 50,000 trees over the next six years to cool its hottest neighbourhoods and soak up heavy rain, Mayor Felix Aran announced on Monday.",
            ),
            (
                "p",
                "The plan targets districts where less than 10% of the ground is shaded. Satellite images taken during last summer's heatwave showed streets there were up to 8 degrees hotter than leafy parts of the city.",
            ),
            (
                "p",
                "Residents will be able to request a tree outside their home through a new online map. The city will pay for planting and for watering during the first three summers.",
            ),
            (
                "p",
                "The programme will cost 72 million euros, half of it from a national climate fund. Opposition councillors welcomed the goal but questioned whether the city had enough gardeners to look after so many young trees.",
            ),
            (
                "p",
                "Experts note that up to a fifth of newly planted urban trees die in their first years, often because they are not watered enough.",
            ),
        ],
    ),
    (
        "Museum returns carved doors to island community",
        [
            (
                "p",
                "The National Ethnography Museum has returned a pair of carved wooden doors to the island community of Tavu, more than 110 years after they were taken by a colonial official.",
            ),
            (
                "p",
                "The doors, decorated with scenes of fishing and the founding of the village, were handed over at a ceremony attended by the island's elders and the culture minister, Sara Okafor.",
            ),
            (
                "p",
                '"These doors were never ours to keep," the museum\'s director, Dr. Henrik Moll, said at the ceremony. "We are grateful that the community has allowed us to work with them on their return."',
            ),
            (
                "p",
                "The museum spent two years tracing how the doors reached its collection. Letters in its archive show they were shipped in 1912 with other objects collected during a survey of the islands.",
            ),
            (
                "p",
                "The doors will be installed in a new community house on Tavu. The museum says it is reviewing the origins of about 3,000 other objects from the region.",
            ),
        ],
    ),
    (
        "Storm cuts power to 80,000 homes on the west coast",
        [
            (
                "p",
                "About 80,000 homes were without power on the west coast on Saturday after a storm brought gusts of up to 140 km/h, felling trees and tearing down lines.",
            ),
            (
                "p",
                "Grid operator Westnet said crews were working through the night and hoped to restore most connections by Sunday evening. Remote villages on the peninsula could wait until Tuesday.",
            ),
            (
                "p",
                "Ferries to the islands were cancelled and the coastal road was closed at two places because of fallen trees. No serious injuries were reported.",
            ),
            (
                "p",
                "Forecasters lifted the red warning on Saturday afternoon but said strong winds would continue in the north until Monday.",
            ),
        ],
    ),
    (
        "Bakers' strike leaves shelves empty in the capital",
        [
            (
                "p",
                "Most bakeries in the capital stayed closed on Monday as bakers walked out over pay, the first strike in the trade for 30 years.",
            ),
            (
                "p",
                "The bakers' union says wages have fallen behind rents and energy prices. It wants a 9% rise; the employers' federation has offered 4%.",
            ),
            (
                "p",
                "Supermarkets reported that their bread shelves were empty by mid-morning. Some restaurants flew in bread from the coast, while others served rice instead.",
            ),
            (
                "p",
                '"We start work at three in the morning and we still cannot pay for a flat near the bakery," said Anouk Pell, who has baked rolls in the old town for 22 years.',
            ),
            (
                "p",
                "Talks between the union and the federation are due to resume on Wednesday. The strike will continue until then.",
            ),
        ],
    ),
    (
        "Volunteers map every bench in the old town",
        [
            (
                "p",
                "A group of volunteers has mapped every public bench in the old town of Lissau, 1,431 in all, to help older residents plan walks with places to rest.",
            ),
            (
                "p",
                "The map shows which benches have backrests and armrests, which are in the shade, and how far apart they are. The longest stretch without a bench is 640 metres, along the river wall.",
            ),
            (
                "p",
                'The project was started by retired surveyor Otto Brandl, who uses a walking stick since a hip operation. "I realised I was choosing my routes by the benches," he said.',
            ),
            (
                "p",
                "The council has promised to add 40 benches where the gaps are longest, starting with the river wall this autumn.",
            ),
        ],
    ),
    (
        "Ferry operator orders two electric ships for the island route",
        [
            (
                "p",
                "The island ferry operator Nordlink has ordered two battery-electric ships for its busiest route, the company said on Thursday, in a deal worth about 110 million euros.",
            ),
            (
                "p",
                "The ships will each carry 600 passengers and 120 cars and will charge in port during the 25-minute turnaround. They are due to enter service in 2027.",
            ),
            (
                "p",
                "Nordlink said the switch would cut the route's carbon emissions by 90% and save 8 million litres of diesel a year.",
            ),
            (
                "p",
                "The port authority will build charging stations at both harbours, paid for partly by a government grant.",
            ),
            (
                "p",
                'Island residents welcomed the news but asked for the timetable to stay the same. "Quiet ships are fine, as long as they leave on time," the island council\'s chairman said.',
            ),
        ],
    ),
]
