"""An agency dispatch written for the tests, and two outlets' versions of it (plus an unrelated article)."""

DISPATCH = (
    "Plus de 30 pays ont participé lundi à la réunion des ministres de l'Environnement à Genève. "
    "Les délégations ont discuté pendant deux jours d'un accord sur la pollution plastique. "
    "Selon les organisateurs, des milliers de militants ont manifesté devant le palais des Nations. "
    "Le texte final prévoit de réduire de 40 % la production de plastique d'ici à 2040. "
    "Plusieurs pays producteurs de pétrole ont émis des réserves sur ce calendrier. "
    "La présidente de la conférence a salué « un pas important mais insuffisant ». "
    "Une nouvelle session est prévue le 12 mars à Nairobi pour finaliser les annexes techniques. "
    "Les ONG estiment que 11 millions de tonnes de plastique finissent chaque année dans les océans."
)
OUTLET_A = "Genève accueille les négociations sur le plastique.\n\n" + DISPATCH
OUTLET_B = DISPATCH + "\n\nNotre correspondante suivra la prochaine session au Kenya."
UNRELATED = (
    "Le conseil municipal a voté mardi le budget de la piscine olympique. "
    "Les travaux commenceront au printemps et dureront dix-huit mois. "
    "Le maire a promis que les tarifs resteraient inchangés pour les familles."
)
