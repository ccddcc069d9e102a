/**
 * Surname stems found in the Netherlands, written by hand from general knowledge. Only the core
 * word is listed: "de Vries" appears as "Vries", "van den Berg" as "Berg", "El Amrani" as "Amrani".
 * Tussenvoegsels and Arabic/Berber particles (el, al, ben, ait, ...) are handled by rules in the
 * detector (name-parts.ts). The detector lowercases everything and adds accent-free spellings.
 */

const dutch = `
Jong Jonge Vries Berg Bergh Dijk Dyk Bakker Janssen Jansen Jansens Visser Smit Smits Meijer Meyer Meier
Boer Mulder Groot Bos Vos Peters Peeters Pieters Hendriks Hendrikx Hendrickx Leeuwen Dekker Brouwer Wit
Witt Dijkstra Graaf Graaff Meer Linden Kok Jacobs Haan Vermeulen Heuvel Veen Broek Bruijn Bruin Bruyn
Heijden Heyden Schouten Beek Willems Vliet Ven Hoekstra Maas Verhoeven Koster Dam Wal Prins Blom
Huisman Kuipers Kuiper Veenstra Kramer Brink Scholten Wijk Postma Martens Vink Ruiter Timmermans Groen
Gerritsen Jonker Loon Velde Willemsen Smeets Lange Bosch Dongen Schipper Koning Laan Velden Driessen
Doorn Hermans Evers Meulen Hofman Bosman Wolters Sanders Horst Mol Kuijpers Kuypers Molenaar Pol Leeuw
Verbeek Boersma Hoek Hoeks Kroon Koopman Wouters Goossens Goossen Vries Bosma Brink Dijkman Haas
Hoogendoorn Hoogeveen Huizinga Jager Kampen Klein Kleijn Klomp Koch Kolk Kooij Kooy Koot Kort Kramer
Laar Lambers Leenders Lubbers Meijers Meijerink Mertens Michels Mooij Nieuwenhuis Nijhuis Nijland
Noordam Oosterhout Oosterhuis Otten Pauwels Pol Poort Post Raaijmakers Reijnders Rietveld Rijn Roos
Rutten Schaap Schmidt Schoenmaker Schreurs Schuurman Sijbesma Slot Snijders Spijker Steenbergen Stam
Terpstra Teunissen Thijssen Tol Veld Verbruggen Verhagen Verheij Verheul Verkerk Vermeer Vink Voskuil
Vos Vries Wagenaar Westra Wiersma Wijnen Wolff Zandbergen Zijlstra Zwart Adel Aalbers Aarts Alberts
Ammerlaan Arts Baars Bak Bakkers Beekman Beenhakker Bekker Bergsma Bijl Blaauw Blauw Boekhout Boer
Bol Boon Boonstra Borst Bouma Bouwman Boxtel Brand Brandsma Bril Broekhuizen Bron Brugge Bruggen
Buijs Buis Burger Claassen Coenen Cornelissen Corsten Damen Dekkers Derksen Dirksen Doesburg Dool
Driel Drost Duijn Duin Dussel Eijk Elzinga Engelen Es Eerden Faber Franken Gelder Gerrits Gijsbers
Goedhart Graaf Groenewegen Groenendijk Grift Haak Haan Hagen Hak Hamers Hart Hartman Heemskerk Heijnen
Hekman Helmink Hendriksen Hermsen Hoekman Hof Hofstede Hol Holleman Hoogland Hopman Houten Huijbers
Hulst Hummel Jacobse Janse Janssens Jonkers Kamp Kampen Kemper Kerkhof Kersten Keizer Kievit Klaassen
Kleinjan Knol Kolen Kool Koops Kornelis Kraaij Kremer Kroes Kruijt Kruit Kruis Kruse Kuijk Kuik Kusters
Lamers Langen Lee Leenstra Linde Lindeman Looijen Loos Maassen Manders Marsman Meester Meeuwis Mens
Meulenbeld Minnaard Mos Muller Mulders Munk Nagel Nauta Nijboer Nijenhuis Noordhuis Oost Oosten
Oostendorp Oudshoorn Overbeek Palm Pater Peek Pel Peperkamp Petersen Pijnenburg Pos Prins Pronk Quist
Raats Ram Reinders Rijken Rijkers Rijks Rijnders Ritsema Roeleveld Roelofs Roest Rooij Rooijen Rooy
Rosier Rozendaal Ruijter Sablerolle Schaik Schalk Scheepers Schenk Schilder Schoemaker Scholte Schoonhoven
Schut Sikkema Simons Sloot Sluis Smeenk Smid Smink Snel Spaans Spek Spruit Staal Steen Stegeman Stok
Stoop Stork Straaten Strik Swart Tamminga Tiemens Timmer Timmerman Tuin Tuinstra Uiterwijk Valk
Veenhuis Veer Veldhuis Veldman Verburg Verdonk Verhoef Verkade Verlaan Vermaat Vermeij Verschoor Verschuren
Versteeg Verweij Vesters Vissers Vliegenthart Vlug Voogd Voort Vos Vrieze Waal Wagemakers Walraven Weber
Weerd Wessels Westerhof Westerveld Wever Wiegman Wijngaarden Wilde Winkel Winter Wisse Witteveen Wolf
Zandstra Zeeuw Zijl Zuidema Zwaan Zwarts Verbrugge Heuvelmans Bogaard Bogaerts Aalders Bosschaert
Abbink Brinkman Dijkhuizen Feenstra Hazes Groothuis Groothuizen Freriks Kooistra Nijs Ginneken Iersel
Terlouw Rietman Ritsma Prinsen Zuiderveld Poels Moors Mol Corte Oord Haanstra Oudejans Koekoek Mooren
Hoogstraten Leeuwenburg Langeveld Kooiman Kwakman Kwant Lammers Lodewijks Mast Melis Molenkamp
Mulderij Nieuwland Nieuwenhuizen Olthof Oosterveld Ouwehand Pieterse Plas Polman Poppe Pots Prent
Raven Reijn Riksen Robben Rot Roeters Ronde Ruis Schipper Schoonderwoerd Schrijver Schuit Siebers
Sinnige Sleutel Slootweg Smeets Sminia Spoelstra Steenhuis Stevens Stolk Stuart Teeuwen Tiemessen
Tromp Tuinman Uijl Valkenburg Veenendaal Veldkamp Verbiest Verboom Verhulst Verkuijlen Vink Visscher
Vlaar Voorn Vrolijk Wagenmakers Wessel Wijers Wijnands Wilbrink Wit Wolthuis Woudstra Zanten Zeelenberg
Zomer Zoet Zwiers Beukema Bijlsma Dijkema Haitsma Jellema Kingma Mellema Okkema Reitsma Rozema Sjoerdsma
Talsma Tjalsma Veenema Wiersema Zijlma Hoogenboom Hoogerwerf Kloosterman Middelkoop Noorlander Oosterbeek
Blokland Bouwmeester Dekkinga Groenhuis Hulshof Jongman Kamphuis Kleinhout Lindhout Pietersen Roozendaal
Smeding Stuurman Vogel Vogels Vonk Weijers Zwanenburg Diepen Berkel Eck Egmond Gogh Hal Houwelingen
Hees Hout Kessel Meegeren Oss Rossum Steen Vugt Wijngaard Zuijlen Arkel Damme Dyck Assen Lent
Eijck Boxmeer Schie Aken Baalen Beers Bemmel Beuningen Bommel Delden Dinther Dorst Gerwen Ham Helvoirt
Hemert Hooff Hulten Kempen Kuyk Lier Luijk Maanen Mierlo Noort Ooijen Os Raaij Riel Santen Sluijs Son
Tilburg Uden Veghel Weert Woerkom Zon Zwam Mierop Ravesteijn Spronsen Staveren Gogh Vlaardingen
`;

/** Turkish and Kurdish. */
const turkish = `
Yılmaz Yilmaz Kaya Demir Şahin Sahin Çelik Celik Yıldız Yildiz Yıldırım Yildirim Öztürk Ozturk Aydın
Aydin Özdemir Ozdemir Arslan Aslan Doğan Dogan Kılıç Kilic Çetin Cetin Kara Koç Koc Kurt Özkan Ozkan
Şimşek Simsek Polat Korkmaz Karataş Karatas Erdoğan Erdogan Güneş Gunes Akın Akin Bulut Keskin Ünal
Unal Tekin Aksoy Güler Guler Uçar Ucar Coşkun Coskun Bozkurt Kaplan Avcı Avci Yavuz Altun Altın Altin
Acar Aktaş Aktas Alkan Atasoy Ateş Ates Başaran Basaran Bayram Bilgin Bilgiç Bozdağ Çakır Cakir Çiftçi
Ciftci Demirci Duman Durmaz Eren Ergin Erol Esen Genç Genc Gök Gok Gül Gul Gündoğdu Gündüz Gunduz Güven
Işık Isik Kahraman Karaca Karakaya Karakuş Kartal Kaygusuz Kılınç Kocabaş Kocaman Köse Kose Kuru
Metin Oral Orhan Özer Ozer Özgür Özkaya Özmen Öz Öztürk Pekdemir Sarı Sari Sayın Sevim Soylu Tan
Taş Tas Taşkın Tatlı Toprak Tuncer Turan Türk Uysal Uzun Yalçın Yalcin Yaman Yazıcı Yazici Yeşil Yüksel
Yuksel Zengin Akbulut Akdağ Akgül Akkaya Aktürk Albayrak Arıkan Ayhan Balcı Baysal Bingöl Budak Cengiz
Dağ Demirel Dinç Ekinci Erdem Ertürk Gedik Gezer Gümüş Gürbüz Güzel Karadağ Karaman Kaçar Kocak Koçak
Okur Önal Özbek Özcan Ozcan Sağlam Saglam Savaş Sezer Şen Sen Sönmez Temel Ulusoy Yücel Yurt Zorlu
Koçer Kızıl Dursun Özel Ayaz Akbaş Aslanoğlu Kayaoğlu Bingol Tekinalp Kandemir Kurtuluş Başkaya
`;

/** Moroccan, Algerian and Tunisian (often with el/al/ben/ait/bou particles). */
const maghreb = `
Amrani Idrissi Bouzid Benali Khatib Ouali Boukhari Haddouchi Taleb Azzouz Ziani Bakkali Ouardi Tahiri
Chaoui Aboutaleb Fassi Mansouri Belhaj Bouazza Haddou Bouazzaoui Amezian Benhaddou Abdellaoui Achahbar
Aarab Abbou Aissaoui Akhiat Alami Allouch Amghar Azarkan Azough Bakker Benaissa Benammar Benbrahim
Bouchtaoui Boudaoud Bouhali Boujamaa Boukhriss Boulahrouz Bouma Bouzerda Chahid Chakir Charafi Cherkaoui
Daoudi Dahmani Ennaji Fahmi Farhane Fikri Ghazali Habbouchi Hajji Hamdaoui Hammouti Harrak Hassani
Jabri Jaouhari Kabbaj Kaddouri Karroumi Kasmi Kettani Khaldi Khayati Lamrani Lahlou Maati Mahjoub
Marzouki Mejjati Moussaoui Naciri Najjar Ouahabi Ouazzani Rachidi Rahmouni Saidi Salhi Sbai Semlali
Slimani Soussi Tazi Tounsi Yacoubi Zaaraoui Zaoui Zerouali Zitouni Zouhri Abdeslam Akhannouch Aouragh
Badou Benyahia Bouchikhi Boutaher Chaibi Dadi Dahri Ezzaouia Fares Ghalbzouri Hachmi Hamdi Haouari
Hamdouchi Jaddi Karrouch Kharbouch Laghmouchi Mahi Mimouni Mohandis Mokhtari Moumni Ouchan Rifi
Sghir Taouil Yahyaoui Yousfi Ziyech Ammari Azaouagh Bouyaghlafen Chakroun Drissi Hadioui Madani
Marrakchi Nouri Oulad Sabri Souiri Tayebi Ajaoui Bakri Ghali Hilali Jilali Kadiri Laaroussi Meziane
Moutawakil Alaoui Hamidi Karimi Khalfi Lakhal Mourabit Ouled Rouijel Touzani Aziz Hamid Rachid
`;

/** Arabic-speaking Middle East, Afghan, Iranian, Somali and Eritrean. */
const middleEastAfrica = `
Haddad Khoury Hamdan Darwish Sabbagh Halabi Hamoud Alhamoud Sayed Mohammad Ahmad Hussein Othman
Kassem Qassem Ibrahim Nasser Saleh Youssef Khalil Jaber Mahmoud Hasan Hassan Abdallah Abdullah Awad
Badawi Bakr Dabbagh Deeb Fakhoury Farhat Ghanem Habib Hajj Hakim Hammoud Hariri Issa Jabbour Jarrah
Kanaan Karam Khalaf Khatib Masri Mourad Nassar Rahal Rashid Saad Sabri Salem Salameh Shami Sharif
Shehadeh Sultan Suleiman Taha Tamimi Yassin Zaher Zein Zoubi Ahmadi Rahimi Karimi Hakimi Sultani Popal
Noori Nuri Safi Haidari Hashimi Hosseini Husseini Jafari Kazemi Mohammadi Moradi Najafi Rahmani
Rezaei Sadeghi Sharifi Yousefi Amiri Azizi Habibi Hamidi Mirzaei Nazari Rostami Samadi Wardak Stanikzai
Mohamed Mohamud Abdi Warsame Farah Osman Jama Omar Yusuf Ahmed Nur Aden Duale Egal Hirsi Ismail Muse
Shire Elmi Abdirahman Guled Hersi Tesfamariam Ghebremedhin Haile Tekle Berhane Kidane Ghebreyesus Mehari
Woldemichael Andemariam Tewelde Yohannes Gebremariam Gebremedhin Habte Kahsay Mesfin Negash Tesfay
Tesfaye Weldemariam Zerai Asfaha Bahta Ghirmay Hagos Kiflom Mebrahtu Okbay Sium Tecle Woldu Yemane
`;

/** Surinamese (Hindostani, Creole, Javanese), Antillean and Moluccan. */
const caribbean = `
Ramdin Ramcharan Sewdien Jagernath Mahabier Ramsaroep Kanhai Sitaldin Doekhie Biharie Bhagwandin
Ramautar Soekhoe Lachmon Bouterse Wijdenbosch Venetiaan Brunings Pinas Vlijter Kromodimedjo
Karijopawiro Sastroredjo Soerodimedjo Ramlal Ramkisoen Ramkhelawan Ramdhani Ramsodit Ramnandanlal
Mangroe Jhagroe Autar Baldew Bisessar Chotkan Debipersad Girjasing Harpal Jairam Kalloe Kartosen
Kishna Lalbahadoersing Mahadewsing Misiekaba Mohan Narain Oedit Persaud Radjkoemar Raghoebir Rambaran
Sardjoe Sewnath Soekradj Soemai Tjon Tjin Tjoe Wongsodikromo Amatmoekrim Aroma Asmoredjo Biswane
Dipotaroeno Kasanwirjo Moestadja Pawirodikromo Sarmo Sontosoemarto Wongsoredjo Zaalman Zeefuik
Fernandes Kasanmoentalib Doelwijt Emanuelson Esajas Fränkel Gummels Hoost Kenswil Leefland Lobles
Mac-Donald Marica Nelom Nijman Olmberg Ooft Pengel Sedney Tjong Vanenburg Waterberg Wolff Adhin
Martina Rosario Maduro Isenia Winklaar Croes Koolman Felida Statie Petronia Maria Janga Coffie Cijntje
Boekhoudt Paesie Tromp Wernet Doran Clarinda Eustatia Leito Plantijn Sulvaran Vries Mercera Lourens
Pattiasina Tuhumury Latuny Manuhutu Ririmasse Pattipeilohy Wattimena Lekatompessy Sahetapy Sopacua
Pattinama Tahapary Matulessy Nanlohy Latumahina Leiwakabessy Pelupessy Siahaya Tutuarima Wairata
`;

/** Polish, Ukrainian, Russian, Romanian, Bulgarian, Balkan, Chinese, Vietnamese and other. */
const other = `
Nowak Kowalski Kowalska Wiśniewski Wisniewski Wiśniewska Wójcik Wojcik Kowalczyk Kamiński Kaminski
Kamińska Lewandowski Lewandowska Zieliński Zielinski Zielińska Szymański Szymanski Woźniak Wozniak
Dąbrowski Dabrowski Kozłowski Kozlowski Jankowski Mazur Kwiatkowski Kwiatkowska Krawczyk Piotrowski
Grabowski Nowakowski Pawłowski Pawlowski Michalski Wróbel Wrobel Majewski Olszewski Jaworski Malinowski
Stępień Stepien Górski Gorski Rutkowski Sikora Baran Duda Szewczyk Tomaszewski Pietrzak Marciniak
Wróblewski Zalewski Jakubowski Jasiński Zawadzki Sadowski Bąk Chmielewski Włodarczyk Borkowski Czarnecki
Sawicki Sokołowski Urbański Kubiak Maciejewski Szczepański Kucharski Wilk Kalinowski Lis Mazurek
Wysocki Adamczyk Kaczmarek Zając Zajac Król Krol Kołodziej Nowicki Błaszczyk Witkowski Walczak
Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Kovalchuk Oliynyk Shevchuk Polishchuk Lysenko
Marchenko Melnyk Boyko Rudenko Savchenko Petrenko Moroz Pavlenko Kuzmenko Ivanenko Koval Tkachuk
Ivanov Ivanova Petrov Petrova Smirnov Smirnova Kuznetsov Kuznetsova Popov Popova Sokolov Volkov Volkova
Morozov Novikov Fedorov Pavlov Sidorov Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe
Rusu Munteanu Matei Constantin Serban Marin Mihai Tudor Dobre Barbu Nistor Florea Dima Georgiev
Dimitrov Nikolov Petkov Todorov Stoyanov Hristov Iliev Angelov Kolev Yordanov Jovanović Jovanovic
Petrović Petrovic Nikolić Nikolic Marković Markovic Đorđević Horvat Kovačević Babić Hodžić Hodzic
Hasanović Begić Krasniqi Gashi Berisha Morina Shala Hoxha Bytyqi Kastrati Rexhepi Chen Wang Zhang
Liu Yang Huang Zhao Zhou Xu Sun Zhu Gao Lin Luo Zheng Liang Xie Tang Wong Cheung Chan Lam Leung Ho
Nguyen Tran Pham Hoang Huynh Phan Vu Dang Bui Do Ngo Duong Truong Smith Johnson Williams Brown
Jones Miller Davis Wilson Taylor Anderson Thomas Moore Martin Jackson Thompson White Harris Clark Lewis
Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts
Carter Phillips Evans Turner Parker Collins Edwards Stewart Murphy Cook Rogers Morgan Cooper Peterson
Schneider Fischer Weber Wagner Becker Schulz Hoffmann Schäfer Richter Klein Wolf Neumann Schwarz
Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Krause Lehmann Köhler Maier Herrmann König
Dupont Durand Dubois Lefebvre Moreau Laurent Simon Michel Garcia Rodriguez Martinez Lopez Gonzalez
Hernandez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Silva Santos Oliveira Pereira Costa
Ferreira Rodrigues Alves Lima Gomes Ribeiro Carvalho Almeida Lopes Soares Fernandes Vieira Rossi
Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano
Mancini Rizzo Lombardi Moretti Singh Kumar Sharma Patel Khan Ali Hussain Shah Qureshi Malik Iqbal Butt
`;

export const SURNAME_DATA = [dutch, turkish, maghreb, middleEastAfrica, caribbean, other].join(' ');
