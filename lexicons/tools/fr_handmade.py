"""Hand-made French tables for Verbatim (project's own work).

Imported by build_fr.py, which writes them sorted to lexicons/fr/.
closed-class follows the UD French lemma conventions (strong pronoun forms,
possessives -> son, articles -> le / un, ...); build_fr.py --check-closed prints
the rows whose (form, upos) majority lemma in UD train differs.
"""

# ---------------------------------------------------------------------------
# closed class: form -> [(lemma, upos)], weight = pseudo-count added to the
# candidate (see ALGORITHM.md).  Listed analyses are the UD-convention ones.
# ---------------------------------------------------------------------------
_CC = """
le le DET|le le PRON|le lui PRON
la le DET|la le PRON|la lui PRON
l' le DET|l' lui PRON|l' le PRON
les le DET|les eux PRON
un un DET|un un PRON|un un NUM
une un DET|une un PRON|une un NUM
des un DET|des de ADP
du de ADP|du du DET
au à ADP
aux à ADP
de de ADP|de un DET
d' de ADP|d' un DET
à à ADP
en en ADP|en en PRON
y y PRON
dans dans ADP
par par ADP
pour pour ADP
sur sur ADP
sous sous ADP
avec avec ADP
sans sans ADP
chez chez ADP
vers vers ADP
entre entre ADP
contre contre ADP
depuis depuis ADP
pendant pendant ADP
selon selon ADP
malgré malgré ADP
parmi parmi ADP
dès dès ADP
jusqu' jusque ADP
jusque jusque ADP
et et CCONJ
ou ou CCONJ
mais mais CCONJ
ni ni CCONJ
car car CCONJ
or or CCONJ
puis puis CCONJ
soit soit CCONJ|soit être AUX
que que SCONJ|que que PRON|que que ADV
qu' que SCONJ|qu' que PRON
si si SCONJ|si si ADV
quand quand SCONJ
comme comme ADP|comme comme SCONJ|comme comme ADV
lorsque lorsque SCONJ
lorsqu' lorsque SCONJ
puisque puisque SCONJ
puisqu' puisque SCONJ
quoique quoique SCONJ
parce parce ADV
je moi PRON
j' moi PRON
me moi PRON
m' moi PRON
moi moi PRON
tu toi PRON
te toi PRON
t' toi PRON
toi toi PRON
il lui PRON
elle lui PRON
ils lui PRON|ils eux PRON
elles lui PRON|elles eux PRON
lui lui PRON
eux eux PRON
leur son DET|leur eux PRON
leurs son DET
se soi PRON
s' soi PRON|s' si SCONJ
soi soi PRON
on on PRON
nous nous PRON
vous vous PRON
mon son DET
ton son DET
son son DET
ma son DET
ta son DET
sa son DET
mes son DET
tes son DET
ses son DET
notre son DET
votre son DET
nos son DET
vos son DET
ce ce DET|ce ce PRON
c' ce PRON
ç' ce PRON
cet ce DET
cette ce DET
ces ce DET
ça ça PRON
cela cela PRON
ceci ceci PRON
celui celui PRON
celle celui PRON
ceux celui PRON
celles celui PRON
qui qui PRON
quoi quoi PRON|quoi quoi INTJ
dont dont PRON
où où PRON|où où ADV
lequel lequel PRON
laquelle lequel PRON
lesquels lequel PRON
lesquelles lequel PRON
auquel auquel PRON
duquel duquel PRON
quel quel DET
quelle quel DET
quels quel DET
quelles quel DET
chaque chaque DET
plusieurs plusieurs DET|plusieurs plusieurs PRON
quelques quelque DET
quelque quelque DET
aucun aucun DET|aucun aucun PRON
aucune aucun DET|aucune aucun PRON
certains certain DET|certains certain PRON
certaines certain DET|certaines certain PRON
tout tout ADV|tout tout ADJ|tout tout PRON|tout tout DET
toute tout ADJ|toute tout DET
tous tout ADJ|tous tout PRON|tous tout DET
toutes tout ADJ|toutes tout DET|toutes tout PRON
ne ne ADV
n' ne ADV
pas pas ADV
-ce ce PRON
-il lui PRON
-t-il lui PRON
-elle lui PRON
-t-elle lui PRON
-ils eux PRON
-elles eux PRON
-on on PRON
-t-on on PRON
-je moi PRON
-tu toi PRON
-vous vous PRON
-nous nous PRON
-moi moi PRON
-toi toi PRON
-lui lui PRON
-là là ADV
-y y PRON
-en en PRON
rien rien PRON
personne personne PRON|personne personne NOUN
quelqu'un quelqu'un PRON
chacun chacun PRON
chacune chacun PRON
euh euh INTJ
ben ben INTJ
bah bah INTJ
hein hein INTJ
ouais ouais INTJ
oui oui INTJ
non non ADV
voilà voilà VERB
l le DET|l lui PRON
j moi PRON
d de ADP
qu que SCONJ|qu que PRON
n ne ADV
s soi PRON|s si SCONJ
m moi PRON
t toi PRON
c ce PRON
"""

CC_WEIGHT = 2


def closed_class():
    rows = []
    for line in _CC.strip().split("\n"):
        for an in line.split("|"):
            f, l_, u = an.split()
            rows.append((f, l_, u, CC_WEIGHT))
    return rows


# ---------------------------------------------------------------------------
# SMS / abbreviations -> replacement (space-separated words, lemmatized again)
# ---------------------------------------------------------------------------
SMS = [(a, b) for a, b in (
    ("pb", "problème"), ("pbs", "problèmes"), ("pbm", "problème"), ("pbms", "problèmes"),
    ("prb", "problème"), ("pblm", "problème"), ("pblms", "problèmes"),
    ("svp", "s'il vous plaît"), ("stp", "s'il te plaît"), ("svpl", "s'il vous plaît"),
    ("tjrs", "toujours"), ("tjs", "toujours"), ("tj", "toujours"), ("tjr", "toujours"),
    ("bcp", "beaucoup"), ("bcq", "beaucoup"), ("bq", "beaucoup"),
    ("qd", "quand"), ("qnd", "quand"), ("kan", "quand"), ("qq", "quelques"),
    ("qqs", "quelques"), ("qqn", "quelqu'un"), ("qqun", "quelqu'un"), ("qqch", "quelque chose"),
    ("qqc", "quelque chose"), ("qqchose", "quelque chose"), ("rdv", "rendez-vous"), ("rdc", "rez-de-chaussée"),
    ("tt", "tout"), ("tte", "toute"), ("ttes", "toutes"), ("ts", "tous"), ("pr", "pour"),
    ("ds", "dans"), ("vs", "vous"), ("c", "c' est"), ("cé", "c' est"), ("ke", "que"),
    ("k", "que"), ("kel", "quel"), ("kelle", "quelle"), ("kels", "quels"), ("kelles", "quelles"),
    ("koi", "quoi"), ("pk", "pourquoi"), ("pq", "pourquoi"), ("pkoi", "pourquoi"),
    ("pcq", "parce que"), ("pck", "parce que"), ("psk", "parce que"), ("pck", "parce que"),
    ("jsp", "je sais pas"), ("jsais", "je sais"), ("chui", "je suis"), ("chuis", "je suis"),
    ("mdr", "mdr"), ("lol", "lol"), ("dc", "donc"), ("mm", "même"), ("mme", "madame"),
    ("ns", "nous"), ("ya", "il y a"), ("y'a", "il y a"), ("ya pas", "il y a pas"),
    ("slt", "salut"), ("bjr", "bonjour"), ("bsr", "bonsoir"), ("cad", "c' est-à-dire"),
    ("càd", "c' est-à-dire"), ("cdt", "cordialement"), ("cdlt", "cordialement"),
    ("mr", "monsieur"), ("m.", "monsieur"), ("mlle", "mademoiselle"), ("dsl", "désolé"),
    ("jpp", "je peux plus"), ("jvais", "je vais"), ("j'vais", "je vais"), ("g", "j' ai"),
    ("jai", "j' ai"), ("jsuis", "je suis"), ("j'suis", "je suis"), ("ct", "c' était"),
    ("cété", "c' était"), ("ds", "dans"), ("bc", "beaucoup"), ("tkt", "t' inquiète"),
    ("auj", "aujourd'hui"), ("ajd", "aujourd'hui"), ("aujd", "aujourd'hui"),
    ("aujourdhui", "aujourd'hui"), ("ojd", "aujourd'hui"), ("biensur", "bien sûr"),
    ("bien sur", "bien sûr"), ("vrmt", "vraiment"), ("vrm", "vraiment"), ("tlm", "tout le monde"),
    ("dispo", "disponible"), ("dispos", "disponibles"), ("appart", "appartement"),
    ("apparts", "appartements"), ("appt", "appartement"), ("apt", "appartement"),
    ("log", "logement"), ("lgt", "logement"), ("lgts", "logements"), ("bât", "bâtiment"),
    ("bat", "bâtiment"), ("bât.", "bâtiment"), ("ét", "étage"), ("asc", "ascenseur"),
    ("proprio", "propriétaire"), ("proprios", "propriétaires"), ("resp", "responsable"),
    ("info", "information"), ("infos", "informations"), ("nb", "nombre"), ("nbr", "nombre"),
    ("nbre", "nombre"), ("env", "environ"), ("ex", "exemple"), ("exple", "exemple"),
    ("svt", "souvent"), ("pdt", "pendant"), ("dps", "depuis"), ("ms", "mais"), ("mé", "mais"),
    ("pa", "pas"), ("pas mal", "pas mal"), ("ki", "qui"), ("kil", "qu' il"), ("kils", "qu' ils"),
    ("o", "au"), ("oqp", "occupé"), ("a+", "à plus"), ("now", "maintenant"), ("tps", "temps"),
    ("gd", "grand"), ("gde", "grande"), ("pt", "petit"), ("pte", "petite"), ("ptit", "petit"),
    ("ptite", "petite"), ("ptits", "petits"), ("ptites", "petites"), ("tel", "téléphone"),
    ("tél", "téléphone"), ("mail", "mail"), ("mails", "mails"), ("msg", "message"),
    ("msgs", "messages"), ("réu", "réunion"), ("reu", "réunion"), ("hlm", "HLM"),
    ("chgt", "changement"), ("chgmt", "changement"),
) if " " not in a and a != b]


# ---------------------------------------------------------------------------
# housing domain: misspellings / unaccented spellings -> correct form
# ---------------------------------------------------------------------------
HOUSING = [
    ("asenceur", "ascenseur"), ("acsenseur", "ascenseur"), ("ascensseur", "ascenseur"),
    ("assenceur", "ascenseur"), ("assenseur", "ascenseur"), ("ascenceur", "ascenseur"),
    ("asceunseur", "ascenseur"), ("asenseur", "ascenseur"), ("ascenseure", "ascenseur"),
    ("ascensceur", "ascenseur"), ("ascenseurs", "ascenseurs"), ("asenceurs", "ascenseurs"),
    ("ascenceurs", "ascenseurs"), ("assenceurs", "ascenseurs"), ("acenseur", "ascenseur"),
    ("acenceur", "ascenseur"),
    ("chaufage", "chauffage"), ("chauffagge", "chauffage"), ("chaufffage", "chauffage"),
    ("chauffagé", "chauffage"), ("chaufages", "chauffages"), ("chauffe-eau", "chauffe-eau"),
    ("chauffeau", "chauffe-eau"), ("chaufe-eau", "chauffe-eau"), ("chaudiere", "chaudière"),
    ("chaudierre", "chaudière"), ("radiateure", "radiateur"), ("radiatteur", "radiateur"),
    ("menage", "ménage"), ("ménnage", "ménage"), ("menages", "ménages"),
    ("gardiene", "gardienne"), ("gardinne", "gardienne"), ("guardien", "gardien"),
    ("gardein", "gardien"), ("gardiens", "gardiens"), ("gardienage", "gardiennage"),
    ("gardinage", "gardiennage"),
    ("interfone", "interphone"), ("interfon", "interphone"), ("interphonne", "interphone"),
    ("interphones", "interphones"), ("interfones", "interphones"), ("digicod", "digicode"),
    ("digicodes", "digicodes"), ("visiophone", "visiophone"),
    ("batiment", "bâtiment"), ("batiments", "bâtiments"), ("bâtimment", "bâtiment"),
    ("batimment", "bâtiment"), ("batimant", "bâtiment"),
    ("logemnt", "logement"), ("logment", "logement"), ("logemen", "logement"),
    ("logemant", "logement"), ("logemnts", "logements"), ("logments", "logements"),
    ("proprete", "propreté"), ("propretée", "propreté"), ("propretes", "propretés"),
    ("salete", "saleté"), ("saletes", "saletés"), ("saletée", "saleté"), ("saleter", "saleté"),
    ("degat", "dégât"), ("degats", "dégâts"), ("dégat", "dégât"), ("dégats", "dégâts"),
    ("degas", "dégâts"), ("dégas", "dégâts"),
    ("moisissure", "moisissure"), ("moisissures", "moisissures"), ("moisisure", "moisissure"),
    ("moisisures", "moisissures"), ("moississure", "moisissure"), ("moisissur", "moisissure"),
    ("humidite", "humidité"), ("humiditée", "humidité"), ("humidites", "humidités"),
    ("humiditer", "humidité"),
    ("punaise", "punaise"), ("punaises", "punaises"), ("punnaise", "punaise"),
    ("punnaises", "punaises"), ("punaisses", "punaises"),
    ("cafard", "cafard"), ("cafards", "cafards"), ("cafar", "cafard"), ("cafars", "cafards"),
    ("cafart", "cafard"), ("cafarts", "cafards"), ("blatte", "blatte"), ("blattes", "blattes"),
    ("encombrant", "encombrant"), ("encombrants", "encombrants"), ("enconbrant", "encombrant"),
    ("enconbrants", "encombrants"), ("encombrans", "encombrants"),
    ("vide-ordure", "vide-ordure"), ("vide-ordures", "vide-ordures"), ("vide ordure", "vide-ordure"),
    ("videordure", "vide-ordure"), ("videordures", "vide-ordures"), ("vide-ordur", "vide-ordure"),
    ("poubelle", "poubelle"), ("poubelles", "poubelles"), ("poubel", "poubelle"),
    ("poubels", "poubelles"), ("poubele", "poubelle"), ("poubeles", "poubelles"),
    ("loyer", "loyer"), ("loyers", "loyers"), ("loyé", "loyer"), ("loyés", "loyers"),
    ("loyez", "loyer"), ("loiyer", "loyer"),
    ("charges", "charges"), ("charge", "charge"), ("charje", "charge"), ("charjes", "charges"),
    ("regularisation", "régularisation"), ("régularistion", "régularisation"),
    ("regularisations", "régularisations"), ("régulation", "régulation"),
    ("bailleur", "bailleur"), ("bailleurs", "bailleurs"), ("bailleure", "bailleur"),
    ("bayeur", "bailleur"), ("bailleurt", "bailleur"), ("baileur", "bailleur"),
    ("locataire", "locataire"), ("locataires", "locataires"), ("locatère", "locataire"),
    ("locatere", "locataire"), ("locatair", "locataire"), ("locatairs", "locataires"),
    ("quitance", "quittance"), ("quittance", "quittance"), ("quitances", "quittances"),
    ("securite", "sécurité"), ("sécuritée", "sécurité"), ("securitée", "sécurité"),
    ("secu", "sécurité"), ("sécu", "sécurité"),
    ("etat", "état"), ("etats", "états"), ("entretien", "entretien"), ("entretient", "entretien"),
    ("entretiens", "entretiens"), ("entretin", "entretien"),
    ("reparation", "réparation"), ("reparations", "réparations"), ("réparasion", "réparation"),
    ("travaux", "travaux"), ("travau", "travaux"), ("traveaux", "travaux"), ("travos", "travaux"),
    ("fuite", "fuite"), ("fuites", "fuites"), ("fuitte", "fuite"), ("fuittes", "fuites"),
    ("infiltration", "infiltration"), ("infiltrations", "infiltrations"),
    ("infiltation", "infiltration"), ("plomberie", "plomberie"), ("plombrie", "plomberie"),
    ("plombier", "plombier"), ("electricite", "électricité"), ("éléctricité", "électricité"),
    ("electricitée", "électricité"), ("electricien", "électricien"), ("éléctricien", "électricien"),
    ("isolation", "isolation"), ("isolassion", "isolation"), ("izolation", "isolation"),
    ("fenetre", "fenêtre"), ("fenetres", "fenêtres"), ("fenaitre", "fenêtre"),
    ("fenaitres", "fenêtres"), ("fenêtre", "fenêtre"), ("volet", "volet"), ("volets", "volets"),
    ("porte", "porte"), ("portes", "portes"), ("serrure", "serrure"), ("serure", "serrure"),
    ("serrures", "serrures"), ("serures", "serrures"), ("boite", "boîte"), ("boites", "boîtes"),
    ("boîte", "boîte"), ("parking", "parking"), ("parkings", "parkings"), ("parkin", "parking"),
    ("garage", "garage"), ("cave", "cave"), ("caves", "caves"), ("hall", "hall"),
    ("halls", "halls"), ("hal", "hall"), ("escalier", "escalier"), ("escaliers", "escaliers"),
    ("escallier", "escalier"), ("escalliers", "escaliers"), ("esclier", "escalier"),
    ("palier", "palier"), ("pallier", "palier"), ("paliers", "paliers"), ("etage", "étage"),
    ("etages", "étages"), ("étages", "étages"), ("voisin", "voisin"), ("voisins", "voisins"),
    ("voisinnage", "voisinage"), ("voisinage", "voisinage"), ("bruit", "bruit"),
    ("bruits", "bruits"), ("brui", "bruit"), ("nuisance", "nuisance"), ("nuisances", "nuisances"),
    ("nuissance", "nuisance"), ("nuissances", "nuisances"), ("insalubrite", "insalubrité"),
    ("insalubre", "insalubre"), ("rats", "rats"), ("souris", "souris"), ("rongeur", "rongeur"),
    ("rongeurs", "rongeurs"), ("deratisation", "dératisation"), ("désinsectisation", "désinsectisation"),
    ("desinsectisation", "désinsectisation"), ("espace", "espace"), ("espaces", "espaces"),
    ("pelouse", "pelouse"), ("jardin", "jardin"), ("jardins", "jardins"), ("aire", "aire"),
    ("reclamation", "réclamation"), ("reclamations", "réclamations"), ("réclamasion", "réclamation"),
    ("relogement", "relogement"), ("relogemnt", "relogement"), ("residence", "résidence"),
    ("residences", "résidences"), ("résidance", "résidence"), ("residance", "résidence"),
    ("immeuble", "immeuble"), ("immeubles", "immeubles"), ("imeuble", "immeuble"),
    ("imeubles", "immeubles"), ("immeube", "immeuble"), ("cité", "cité"), ("cite", "cité"),
    ("quartier", "quartier"), ("quartiers", "quartiers"), ("cartier", "quartier"),
    ("agence", "agence"), ("agences", "agences"), ("ajence", "agence"), ("accueil", "accueil"),
    ("acceuil", "accueil"), ("accueuil", "accueil"), ("acueil", "accueil"),
    ("telephone", "téléphone"), ("téléfone", "téléphone"), ("telefone", "téléphone"),
    ("reponse", "réponse"), ("reponses", "réponses"), ("réponce", "réponse"),
    ("reponce", "réponse"), ("delai", "délai"), ("delais", "délais"), ("délais", "délais"),
    ("demenagement", "déménagement"), ("déménagment", "déménagement"),
    ("eclairage", "éclairage"), ("éclairrage", "éclairage"), ("ampoule", "ampoule"),
    ("ampoules", "ampoules"), ("vmc", "VMC"), ("ventilation", "ventilation"),
    ("chauffage", "chauffage"), ("eau", "eau"), ("eaux", "eaux"), ("canalisation", "canalisation"),
    ("canalisations", "canalisations"), ("evier", "évier"), ("éviers", "éviers"),
    ("wc", "WC"), ("toilette", "toilette"), ("toilettes", "toilettes"), ("toillettes", "toilettes"),
    ("douche", "douche"), ("baignoire", "baignoire"), ("baignoir", "baignoire"),
    ("sal de bain", "salle de bain"), ("salle", "salle"), ("sdb", "salle de bain"),
    ("tag", "tag"), ("tags", "tags"), ("graffiti", "graffiti"), ("graffitis", "graffitis"),
    ("grafiti", "graffiti"), ("grafitis", "graffitis"), ("degradation", "dégradation"),
    ("degradations", "dégradations"), ("dégradassion", "dégradation"), ("vandalisme", "vandalisme"),
    ("vandalismes", "vandalismes"), ("trafic", "trafic"), ("traffic", "trafic"),
    ("squat", "squat"), ("squats", "squats"), ("squatteur", "squatteur"), ("squatteurs", "squatteurs"),
    ("incivilite", "incivilité"), ("incivilites", "incivilités"), ("incivilités", "incivilités"),
]
HOUSING = [(a, b) for a, b in HOUSING if " " not in a and a != b]


# ---------------------------------------------------------------------------
# multiword expressions -> lemma unit
# ---------------------------------------------------------------------------
_MW = """
parties communes|partie_commune
partie commune|partie_commune
état des lieux|état_des_lieux
états des lieux|état_des_lieux
espaces verts|espace_vert
espace vert|espace_vert
gardien d' immeuble|gardien_d'immeuble
gardiens d' immeuble|gardien_d'immeuble
gardienne d' immeuble|gardien_d'immeuble
bailleur social|bailleur_social
bailleurs sociaux|bailleur_social
logement social|logement_social
logements sociaux|logement_social
ordures ménagères|ordures_ménagères
boîte aux lettres|boîte_aux_lettres
boîtes aux lettres|boîte_aux_lettres
boite aux lettres|boîte_aux_lettres
boites aux lettres|boîte_aux_lettres
aire de jeux|aire_de_jeux
aires de jeux|aire_de_jeux
charges locatives|charges_locatives
charge locative|charges_locatives
dépôt de garantie|dépôt_de_garantie
prise en compte|prise_en_compte
prise en charge|prise_en_charge
dégât des eaux|dégât_des_eaux
dégâts des eaux|dégât_des_eaux
degat des eaux|dégât_des_eaux
degats des eaux|dégât_des_eaux
punaises de lit|punaise_de_lit
punaise de lit|punaise_de_lit
porte d' entrée|porte_d'entrée
portes d' entrée|porte_d'entrée
porte d' entree|porte_d'entrée
local poubelles|local_poubelle
local poubelle|local_poubelle
locaux poubelles|local_poubelle
local à poubelles|local_poubelle
local vélo|local_vélo
local vélos|local_vélo
vide - ordures|vide-ordures
vide ordures|vide-ordures
vide ordure|vide-ordures
salle de bain|salle_de_bain
salles de bain|salle_de_bain
salle de bains|salle_de_bain
salle d' eau|salle_d'eau
chauffe - eau|chauffe-eau
eau chaude|eau_chaude
eau froide|eau_froide
chauffage collectif|chauffage_collectif
chauffage central|chauffage_central
mauvaises odeurs|mauvaise_odeur
mauvaise odeur|mauvaise_odeur
service client|service_client
service clients|service_client
relation client|relation_client
délai de réponse|délai_de_réponse
délais de réponse|délai_de_réponse
demande d' intervention|demande_d'intervention
demandes d' intervention|demande_d'intervention
bon de commande|bon_de_commande
avis d' échéance|avis_d'échéance
contrat de location|contrat_de_location
bail de location|bail_de_location
taxe d' habitation|taxe_d'habitation
taxe foncière|taxe_foncière
aide au logement|aide_au_logement
aides au logement|aide_au_logement
allocation logement|allocation_logement
demande de logement|demande_de_logement
demande de mutation|demande_de_mutation
rez - de - chaussée|rez-de-chaussée
rez de chaussée|rez-de-chaussée
rez de chaussee|rez-de-chaussée
cage d' escalier|cage_d'escalier
cages d' escalier|cage_d'escalier
hall d' entrée|hall_d'entrée
halls d' entrée|hall_d'entrée
place de parking|place_de_parking
places de parking|place_de_parking
parking souterrain|parking_souterrain
porte de garage|porte_de_garage
contrôle d' accès|contrôle_d'accès
badge d' accès|badge_d'accès
qualité de vie|qualité_de_vie
cadre de vie|cadre_de_vie
sentiment d' insécurité|sentiment_d'insécurité
trafic de drogue|trafic_de_drogue
point de deal|point_de_deal
nuisances sonores|nuisance_sonore
nuisance sonore|nuisance_sonore
tapage nocturne|tapage_nocturne
troubles de voisinage|trouble_de_voisinage
trouble de voisinage|trouble_de_voisinage
fenêtres double vitrage|double_vitrage
double vitrage|double_vitrage
dégâts matériels|dégât_matériel
remise en état|remise_en_état
mise en place|mise_en_place
mise aux normes|mise_aux_normes
mise en demeure|mise_en_demeure
pas du tout|pas_du_tout
parce que|parce_que
bien sûr|bien_sûr
tout à fait|tout_à_fait
il y a|il_y_a
à cause de|à_cause_de
en effet|en_effet
par exemple|par_exemple
d' accord|d'accord
de temps en temps|de_temps_en_temps
à chaque fois|à_chaque_fois
tout le monde|tout_le_monde
en tout cas|en_tout_cas
peut - être|peut-être
quelque chose|quelque_chose
personnes âgées|personne_âgée
personne âgée|personne_âgée
personnes à mobilité réduite|personne_à_mobilité_réduite
"""
MULTIWORDS = [tuple(l_.split("|")) for l_ in _MW.strip().split("\n")]


# ---------------------------------------------------------------------------
# stopwords
# ---------------------------------------------------------------------------
STOPWORDS = """
a à ai aie aient aies ait alors as au aucun aucune aura aurai auraient aurais aurait
auras aurez auriez aurions aurons auront aussi autre autres aux avaient avais avait avant
avec avez aviez avions avoir avons ayant ayez ayons bah ben bon c c' ça car ce ceci cela celle
celles celui cependant certain certaine certaines certains ces cet cette ceux chaque chez ci
comme comment d d' dans de des donc dont du elle elles en encore entre es est et étaient
étais était étant été êtes étiez étions être eu eue eues euh eurent eus eusse eussent
eusses eussiez eussions eut eût eûmes eûtes eux fois furent fus fusse fussent fusses fussiez
fussions fut fût fûmes fûtes hein ici il ils j j' je jusqu' jusque l l' la là le les leur
leurs lui m m' ma mais me même mêmes mes moi mon n n' ne ni nos notre nous on ont ou où
par parce pas peu peut plus pour pourquoi qu qu' quand que quel quelle quelles quels qui
quoi s s' sa sans se sera serai seraient serais serait seras serez seriez serions serons
seront ses si soi soient sois soit sommes son sont sous soyez soyons suis sur t t' ta te
tes toi ton tous tout toute toutes très tu un une unes uns vos votre vous y
""".split()


# ---------------------------------------------------------------------------
# Context rules for homographs the UPOS trigram model cannot separate (its statistics are
# per tag, not per word). Applied after Viterbi, in order; the first rule whose conditions hold
# forces its UPOS when the word has that reading, and the sentence is decoded again.
# Columns: forms | left2 | left | right | upos | example. A condition is "*" (anything), or a
# "|"-list of lowercase words and/or UPOS names (matched on the decoded tag of the neighbour),
# "^" / "$" for the sentence start / end; a leading "!" negates the whole list.
CONTEXT_RULES = [
    ("été", "*", "en|cet|l'|chaque|bel|plein", "*", "NOUN", "en été il fait très chaud"),
    ("ferme", "!PRON|ADV|AUX|VERB|SCONJ|CCONJ",
     "la|une|cette|sa|ma|ta|notre|votre|leur|grande|petite|vieille|belle|les|des|ces|mes|ses",
     "*", "NOUN", "la ferme est très loin"),
    ("ferme|marche|porte|ouvre", "*", "NOUN|PROPN|PRON",
     "mal|bien|pas|plus|jamais|toujours|très|trop|encore|correctement|normalement|souvent|rarement|PUNCT|$",
     "VERB", "la porte du hall ferme très mal"),
    ("ferme|marche|porte|ouvre", "PRON", "la|le|l'|les|me|m'|te|t'|se|s'|lui|leur|nous|vous|y|en", "*",
     "VERB", "il la ferme le soir"),
]


# ---------------------------------------------------------------------------
# Person names for the redaction stage, supplementing Dicollecte's po:prn / po:patr entries
# (which lack many of the most frequent surnames in France). Frequent French surnames and
# first names, and frequent surnames of families from Africa, the Maghreb, Portugal, Spain,
# Italy, Turkey, Poland and Vietnam, written from general knowledge (project's own work).
# Names that are also common words (Blanc, Petit, Pierre…) are kept: the redactor asks for more
# evidence when a name is also a word of the lexicons.
# ---------------------------------------------------------------------------
_SURNAMES = """
Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre
Lefèbvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau
Vincent Muller Müller Lefèvre Lefevre Faure André Mercier Blanc Guérin Guerin Boyer Garnier
Chevalier François Legrand Gauthier Gautier Garcia Perrin Robin Clément Clement Morin Nicolas
Henry Roussel Mathieu Masson Marchand Duval Denis Dumont Lemaire Noël Meyer Dufour Meunier Brun
Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche Renard
Schmitt Schmidt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas
Lacroix Olivier Philippe Bourgeois Benoît Benoit Rey Leclerc Payet Rolland Leclercq Guillaume
Lecomte Lopez López Dupuy Guillot Hubert Berger Carpentier Sanchez Sánchez Dupuis Moulin Louis
Deschamps Huet Vasseur Perez Pérez Boucher Fleury Royer Klein Jacquet Adam Poirier Marty Aubry
Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly Hervé Schneider
Fernandez Fernández Collet Léger Bouvier Julien Prévost Millet Perrot Daniel Cousin Germain
Breton Besson Langlois Rémy Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber Mallet
Hamon Boulanger Jacob Monnier Michaud Rodriguez Rodríguez Guichard Gillet Étienne Grondin
Poulain Tessier Chevallier Collin Chauvin Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud
Antoine Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier
Laporte Lemaitre Martineau Lemonnier Guillon Fabre Bousquet Delmas Teixeira Marie Brunel Leduc
Bigot Bertrand Navarro Gomez Gómez Ruiz Torres Moreno Jimenez Jiménez Romero Alvarez Álvarez
Diaz Díaz Ramirez Hernandez Gonzalez González Castillo Ortiz Delgado Vasquez Serrano
Ferreira Pereira Rodrigues Fernandes Gonçalves Goncalves Gomes Lopes Santos Oliveira Costa
Carvalho Sousa Almeida Ribeiro Pinto Martins Teixeira Cardoso Mendes Monteiro Moreira Correia
Nunes Vieira Marques Soares Barbosa Machado
Diallo Traoré Traore Diop Ndiaye Sylla Camara Coulibaly Keita Keïta Konaté Konate Touré Toure
Cissé Cisse Sow Fofana Dembélé Dembele Sangaré Sangare Kouassi Koné Kone Bamba Diarra Mendy
Gueye Faye Sarr Niang Diouf Mbaye Seck Fall Kane Dia Barry Bah Baldé Sissoko Doumbia Kanté
Benali Haddad Benamar Bouzid Belkacem Mansouri Cherif Chérif Khelifi Saïdi Saidi Hamdi Amrani
Ziani Benmoussa Meziane Brahimi Boudjemaa Kaci Belaid Bensaïd Bensaid Benaissa Bouaziz Hamidi
Messaoudi Rahmani Slimani Benyahia Chaouch Mokrani Boukhari Zerrouki Aït Ouali Djebbar Larbi
Benhamou Amara Hadj Hamdani Mebarki Taleb Belhadj Bouchard Lahlou Benjelloun El Amrani
Tazi Alaoui Idrissi Bennani Chraibi Berrada Fassi Mahjoub Trabelsi Jebali Gharbi Mejri
Nguyen Tran Pham Huynh Hoang Phan Vu Vo Dang Bui Do Ngo Duong Ly Truong
Kowalski Nowak Wisniewski Wójcik Kowalczyk Lewandowski Zielinski Szymanski Mazur
Yilmaz Yılmaz Kaya Demir Şahin Sahin Çelik Celik Yildiz Öztürk Ozturk Aydin Arslan Dogan Kılıç
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
De Luca Costa Giordano Mancini Rizzo Lombardi Moretti
Kerbrat Le Gall Le Goff Le Roux Le Bihan Le Guen Le Floch Le Corre Le Berre Le Meur Le Gal
Guillou Tanguy Le Bras Le Pape Morvan Jaouen Quéré Cariou Kervella Abgrall Le Moal Le Bris
Da Silva Da Costa Dos Santos De Oliveira De Sousa Ben Salah Ben Ali Ben Amor Ben Youssef
Etcheverry Etchegaray Irigoyen Larralde Dufau Lafargue Labat Lalanne Castaing Darriet Dupouy
Lacoste Lafitte Laffitte Cazenave Labarthe Peyrat Astruc Vigouroux Lambertini Sarrazin Daguerre
Larrieu Pujol Puig Arnaud Cazaux Ducos Dubosc Laborde Lasserre Lescure Mounier Baradat
"""
_FIRST_NAMES = """
Kévin Kevin Mohamed Mohammed Mohammad Mehdi Karim Nadia Fatou Fatoumata Aminata Awa Moussa
Mamadou Ousmane Ibrahima Amadou Abdoulaye Souleymane Seydou Mariam Mariama Aïssatou Aissatou
Oumou Kadiatou Binta Adama Bakary Boubacar Sékou Issa Aïcha Aicha Yasmina Yasmine Samira Leïla
Leila Nawel Naïma Naima Fatima Khadija Malika Rachida Souad Farida Karima Djamila Zineb Salima
Houria Hakim Rachid Farid Mourad Nabil Sofiane Yacine Yassine Bilal Hamza Ilyes Ayoub Anis
Walid Samir Said Saïd Kamel Djamel Abdel Abdelkader Mustapha Youssef Ahmed Ali Omar Brahim
Lina Inès Ines Nour Sarah Myriam Meriem Amina Hafsa Imane Assia Selma Kenza Chaïma Chaima
Enzo Nathan Lucas Hugo Théo Theo Mathis Noah Liam Jade Louise Emma Chloé Chloe Manon Léa Lea
Camille Océane Oceane Anaïs Anais Mélanie Melanie Jessica Laetitia Laëtitia Stéphanie Stephanie
Sandrine Nathalie Isabelle Sylvie Valérie Valerie Véronique Veronique Christelle Karine Corinne
Sébastien Sebastien Jérôme Jerome Stéphane Stephane Frédéric Frederic Thierry Pascal Didier
Jean-Marc Jean-Luc Jean-Paul Jean-Pierre Jean-Claude Jean-François Marie-Claire Marie-Christine
Marie-Pierre Anne-Marie Marie-Thérèse Jean-Michel Jean-Louis Jean-Jacques Pierre-Yves
Maryse Josiane Ginette Gisèle Huguette Monique Josette Paulette Yvette Odette Simone Lucienne
Dylan Jordan Kylian Killian Mattéo Matteo Lorenzo Giovanni Francesca Giulia
Thanh Linh Minh Hung Tuan Mai Lan Anh
Mehmet Ayşe Ayse Emre Murat Elif Zeynep
"""
# Particles of compound surnames ("Le Goff", "Da Silva", "Ben Salah") are not names on their own:
# the redactor joins them to the capitalised word that follows.
NAME_PARTICLES = {"Le", "La", "De", "Du", "Da", "Dos", "Das", "Di", "Del", "Della", "Ben", "El", "Van", "Von"}
PERSON_NAMES = sorted(
    {(n, "last") for n in _SURNAMES.split() if n not in NAME_PARTICLES}
    | {(n, "first") for n in _FIRST_NAMES.split()}
)
